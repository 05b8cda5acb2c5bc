import { mapDefined } from '../../model/lists.js';
import { closest } from '../../model/suggest.js';
import type { Container } from '../../model/types.js';
import type { RubyValue } from '../quote/ruby.js';
import type { Notes } from './notes.js';

/**
 * The properties a recipe may set on docker_container in docker cookbook 11.x: those declared
 * in resources/container.rb (without the three internal ones), the `port` method, the logging
 * and connection properties the resource shares with the others, and Chef's own common
 * properties that take a plain value.
 */
export const dockerContainerProperties = [
  'attach_stderr', 'attach_stdin', 'attach_stdout', 'autoremove', 'cap_add', 'cap_drop',
  'cgroup_ns', 'cgroup_parent', 'command', 'cpu_shares', 'cpus', 'cpuset_cpus', 'detach',
  'devices', 'dns', 'dns_search', 'domain_name', 'entrypoint', 'env_file', 'exposed_ports',
  'extra_hosts', 'force', 'gpu_driver', 'gpus', 'health_check', 'host', 'hostname', 'init',
  'ip_address', 'ipc_mode', 'kernel_memory', 'kill_after', 'labels', 'links', 'mac_address',
  'memory', 'memory_reservation', 'memory_swap', 'memory_swappiness', 'network_aliases',
  'network_disabled', 'network_mode', 'oom_kill_disable', 'oom_score_adj', 'open_stdin',
  'outfile', 'pid_mode', 'port', 'port_bindings', 'privileged', 'publish_all_ports',
  'reload_signal', 'remove_volumes', 'restart_maximum_retry_count', 'restart_policy',
  'ro_rootfs', 'runtime', 'security_opt', 'shm_size', 'signal', 'stdin_once', 'sysctls',
  'timeout', 'tmpfs', 'tty', 'ulimits', 'user', 'userns_mode', 'uts_mode', 'volume_driver',
  'volumes', 'volumes_from', 'working_dir',
  // partial/_logging
  'log_driver', 'log_opts',
  // partial/_base
  'api_retries', 'read_timeout', 'write_timeout', 'running_wait_time', 'tls', 'tls_verify',
  'tls_ca_cert', 'tls_server_cert', 'tls_server_key', 'tls_client_cert', 'tls_client_key',
  // Chef::Resource
  'action', 'ignore_failure', 'retries', 'retry_delay', 'sensitive',
]; // prettier-ignore

/** The cookbook's aliases (`alias_method`), written out under the property's own name. */
const aliases: Record<string, string> = {
  cmd: 'command',
  additional_host: 'extra_hosts',
  rm: 'autoremove',
  remove_automatically: 'autoremove',
  host_name: 'hostname',
  domainname: 'domain_name',
  dnssearch: 'dns_search',
  restart_maximum_retries: 'restart_maximum_retry_count',
  volume: 'volumes',
  binds: 'volumes',
  volume_from: 'volumes_from',
  destination: 'outfile',
  workdir: 'working_dir',
  tlsverify: 'tls_verify',
  tlscacert: 'tls_ca_cert',
  tlscert: 'tls_server_cert',
  tlskey: 'tls_server_key',
};

/** Set by berth from `image` and `environment`, through the node attributes. */
const reserved = new Set(['container_name', 'repo', 'tag', 'image', 'env']);

const known = new Set(dockerContainerProperties);

export interface PassThroughProperty {
  name: string;
  value: RubyValue;
}

/**
 * The `x-chef` properties of a container, under their canonical names. An unknown name is an
 * error note with the closest property as a suggestion; a reserved one is an error that says
 * where its value comes from instead.
 */
export function passThroughProperties(container: Container, notes: Notes): PassThroughProperty[] {
  return mapDefined(container.chef, (entry) => {
    const name = aliases[entry.name] ?? entry.name;
    if (reserved.has(name)) {
      notes.invalid(
        entry.path,
        `${entry.name} is set by berth from the container's image and environment`,
        'change `image` or `environment`, or override the attributes per environment',
      );
      return undefined;
    }
    if (!known.has(name)) {
      const guess = closest(entry.name, [...dockerContainerProperties, ...Object.keys(aliases)]);
      notes.invalid(
        entry.path,
        `${entry.name} is not a docker_container property` +
          (guess ? ` (did you mean "${guess}"?)` : ''),
        'use a property of docker_container in docker cookbook 11.x, or remove the key',
        'key',
      );
      return undefined;
    }
    return { name, value: entry.value as RubyValue };
  });
}
