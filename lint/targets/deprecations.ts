/**
 * What older releases of the targets had and the current ones ignore or refuse, beyond the
 * removed names of each type's `legacy` list: actions, and parameters that are still declared
 * but no longer do anything.
 */

export interface RemovedAction {
  /** The action as a symbol name: `tag` for `action :tag`. */
  action: string;
  removedIn: string;
  /** What to write instead. */
  instead: string;
}

/** Chef actions of the 0.x cookbook, by resource type. */
export const chefRemovedActions: ReadonlyMap<string, readonly RemovedAction[]> = new Map([
  [
    'docker_image',
    [
      { action: 'tag', removedIn: '0.42.0', instead: 'a docker_tag resource' },
      { action: 'insert', removedIn: '1.0.0', instead: 'a Dockerfile built with action :build' },
    ],
  ],
]);

export interface IneffectiveParameter {
  name: string;
  /** `set`: any literal value; `true`: only `true` does something (the wrong thing). */
  when: 'set' | 'true';
  /** Why it does nothing now, as the end of a sentence. */
  reason: string;
  /** What to do instead, as a clause. */
  instead?: string;
}

/** docker::run parameters that puppetlabs-docker 10.x declares but that do nothing useful. */
export const puppetIneffectiveRunParameters: readonly IneffectiveParameter[] = [
  {
    name: 'use_name',
    when: 'set',
    reason: 'has no effect in puppetlabs-docker; true only adds a notice that it will go',
    instead: 'remove it: the container is always named after the title',
  },
  {
    name: 'after_service',
    when: 'set',
    reason: 'is declared but used nowhere in puppetlabs-docker 10.x',
    instead: 'use depend_services, or after for other containers',
  },
  {
    name: 'custom_unless',
    when: 'set',
    reason: 'is read only under Puppet older than 6, and puppetlabs-docker 10.x needs Puppet 8',
  },
  {
    name: 'lxc_conf',
    when: 'set',
    reason: 'passes --lxc-conf, which Docker dropped with its LXC driver in Docker 1.10',
  },
  {
    name: 'disable_network',
    when: 'true',
    reason: 'passes -n false, a flag of 2014 Docker that current Docker does not have',
    instead: "use net => 'none'",
  },
];
