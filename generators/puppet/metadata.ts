/** metadata.json: the Forge's description of the module, with its dependencies. */
import type { Model } from '../../model/types.js';

/** The metadata.json document, its keys in the order PDK writes them. */
export type MetadataView = Record<string, unknown>;

/**
 * `source` is required by the metadata schema. Without a source_url the module has no public
 * repository, so it points at a reserved `.invalid` address that no tool mistakes for one.
 */
export function metadataView(model: Model): MetadataView {
  const { metadata, puppet } = model;
  return {
    name: `${metadata.author}-${puppet.moduleName}`,
    version: metadata.version,
    author: metadata.author,
    summary: metadata.summary,
    license: metadata.license ?? 'proprietary',
    source: metadata.sourceUrl ?? `https://source.invalid/${metadata.author}/${puppet.moduleName}`,
    ...(metadata.sourceUrl ? { project_page: metadata.sourceUrl } : {}),
    ...(metadata.issuesUrl ? { issues_url: metadata.issuesUrl } : {}),
    ...(metadata.description ? { description: metadata.description.trimEnd() } : {}),
    dependencies: [
      { name: 'puppetlabs/docker', version_requirement: puppet.dockerModuleVersion },
      { name: 'puppetlabs/stdlib', version_requirement: puppet.stdlibVersion },
    ],
    operatingsystem_support: puppet.operatingSystems.map((os) => ({
      operatingsystem: os.name,
      operatingsystemrelease: os.releases,
    })),
    requirements: [{ name: 'puppet', version_requirement: puppet.puppetVersion }],
    tags: ['docker', 'containers'],
  };
}
