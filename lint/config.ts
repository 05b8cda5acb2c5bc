import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

import { BerthError, diagnostic } from '../diagnostics/diagnostic.js';
import { loadFile, type LoadedDocument } from '../model/load.js';
import { closest } from '../model/suggest.js';
import { ruleIds } from './registry.js';
import { severityOrder, type LintSeverity } from './types.js';

export type FailOn = LintSeverity | 'none';

/** A rule's setting: off, or on with a severity. */
export type RuleSetting = 'off' | LintSeverity;

/** Findings the configuration suppresses, with the reason it must give. */
export interface ConfigSuppression {
  rule: string;
  /** Path patterns; all files when empty. */
  paths: string[];
  /** Resource titles; all resources when empty. */
  resources: string[];
  reason: string;
}

export interface LintConfig {
  /** The file read, if any. */
  file?: string;
  /** The folder path patterns are relative to. */
  base: string;
  rules: Record<string, RuleSetting>;
  /** Path patterns that are not linted. */
  ignore: string[];
  /** Path patterns of YAML files read as Hiera data, besides `data/` and `hieradata/`. */
  hiera: string[];
  failOn?: FailOn;
  maxWarnings?: number;
  /** Parse every file, not only those that mention docker, to report all syntax errors. */
  parseAll?: boolean;
  /** `spec:`, the berth file generated files are compared with; an absolute path. */
  spec?: string;
  suppress: ConfigSuppression[];
}

export const CONFIG_NAMES = ['.berth-lint.yaml', '.berth-lint.yml'];

export function emptyConfig(base: string): LintConfig {
  return { base, rules: {}, ignore: [], hiera: [], suppress: [] };
}

/** The configuration named, or the one in `cwd`, or none. */
export function findConfig(cwd: string, named?: string | false): LintConfig {
  if (named === false) return emptyConfig(cwd);
  if (named !== undefined) return readConfig(resolve(cwd, named), named);
  const found = CONFIG_NAMES.map((name) => resolve(cwd, name)).find((path) => existsSync(path));
  return found ? readConfig(found, found) : emptyConfig(cwd);
}

const KEYS = [
  'rules',
  'ignore',
  'hiera',
  'fail-on',
  'max-warnings',
  'parse-all',
  'spec',
  'suppress',
];
const SUPPRESS_KEYS = ['rule', 'paths', 'resources', 'reason'];
const SETTINGS = ['off', 'error', 'warning', 'info'];
const FAIL_LEVELS = ['error', 'warning', 'info', 'none'];

/**
 * Reads `.berth-lint.yaml`. The settings sit at the top level or all under one `lint:` key,
 * so that they can share a file with other settings later.
 */
export function readConfig(path: string, shownAs: string): LintConfig {
  const document = loadConfigText(path, shownAs);
  const reader = new ConfigReader(document, shownAs);
  return reader.read(dirname(path));
}

function loadConfigText(path: string, shownAs: string): LoadedDocument | undefined {
  try {
    return loadFile(path);
  } catch (error) {
    // An empty configuration file is no configuration, not a mistake.
    if (error instanceof BerthError && error.diagnostics[0]?.code === 'BERTH-YAML-EMPTY') {
      return undefined;
    }
    if (error instanceof BerthError) {
      for (const d of error.diagnostics) if (d.file === path) d.file = shownAs;
    }
    throw error;
  }
}

type Path = (string | number)[];

class ConfigReader {
  private readonly root: Path;

  constructor(
    private readonly document: LoadedDocument | undefined,
    private readonly file: string,
  ) {
    const value = document?.value as Record<string, unknown> | undefined;
    const nested =
      value && typeof value === 'object' && 'lint' in value && Object.keys(value).length === 1;
    this.root = nested ? ['lint'] : [];
  }

  read(base: string): LintConfig {
    const config: LintConfig = { ...emptyConfig(base), file: this.file };
    const settings = this.mapping(this.root);
    if (!settings) return config;
    this.checkKeys(settings, this.root, KEYS);
    config.rules = this.rules(settings.rules);
    config.ignore = this.strings(settings.ignore, [...this.root, 'ignore']);
    config.hiera = this.strings(settings.hiera, [...this.root, 'hiera']);
    config.suppress = this.suppressions(settings.suppress);
    const failOn = this.choice(settings['fail-on'], [...this.root, 'fail-on'], FAIL_LEVELS);
    if (failOn) config.failOn = failOn as FailOn;
    const maxWarnings = settings['max-warnings'];
    if (maxWarnings !== undefined)
      config.maxWarnings = this.count(maxWarnings, [...this.root, 'max-warnings']);
    if (settings['parse-all'] !== undefined)
      config.parseAll = this.flag(settings['parse-all'], [...this.root, 'parse-all']);
    const spec = this.strings(settings.spec, [...this.root, 'spec']);
    if (spec.length > 1) this.fail([...this.root, 'spec'], '"spec" must be one path');
    if (spec[0] !== undefined) config.spec = resolve(base, spec[0]);
    return config;
  }

  private rules(value: unknown): Record<string, RuleSetting> {
    const path = [...this.root, 'rules'];
    if (value === undefined || value === null) return {};
    const rules = this.mapping(path, value);
    const result: Record<string, RuleSetting> = {};
    for (const [id, setting] of Object.entries(rules ?? {})) {
      if (!ruleIds.includes(id))
        this.fail([...path, id], `unknown rule "${id}"${suggest(id, ruleIds)}`, true);
      result[id] = this.choice(setting, [...path, id], SETTINGS) as RuleSetting;
    }
    return result;
  }

  private suppressions(value: unknown): ConfigSuppression[] {
    const path = [...this.root, 'suppress'];
    if (value === undefined || value === null) return [];
    if (!Array.isArray(value)) this.fail(path, '"suppress" must be a list of entries');
    return value.map((entry, index) => this.suppression(entry, [...path, index]));
  }

  private suppression(entry: unknown, path: Path): ConfigSuppression {
    const fields = this.mapping(path, entry) ?? {};
    this.checkKeys(fields, path, SUPPRESS_KEYS);
    const rule = fields.rule;
    if (typeof rule !== 'string' || !ruleIds.includes(rule)) {
      this.fail(
        [...path, 'rule'],
        `suppression needs "rule", one of the rule ids${suggest(String(rule ?? ''), ruleIds)}`,
      );
    }
    const reason = typeof fields.reason === 'string' ? fields.reason.trim() : '';
    if (reason === '') this.fail(path, `suppression of ${rule} needs a "reason"`);
    return {
      rule,
      reason,
      paths: this.strings(fields.paths, [...path, 'paths']),
      resources: this.strings(fields.resources, [...path, 'resources']),
    };
  }

  private mapping(path: Path, value: unknown = this.at(path)): Record<string, unknown> | undefined {
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'object' || Array.isArray(value))
      this.fail(path, `${this.name(path)} must be a mapping`);
    return value as Record<string, unknown>;
  }

  private strings(value: unknown, path: Path): string[] {
    if (value === undefined || value === null) return [];
    const list = typeof value === 'string' ? [value] : value;
    if (!Array.isArray(list) || list.some((item) => typeof item !== 'string')) {
      this.fail(path, `${this.name(path)} must be a list of path patterns`);
    }
    return list as string[];
  }

  private choice(value: unknown, path: Path, allowed: string[]): string | undefined {
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'string' || !allowed.includes(value)) {
      this.fail(
        path,
        `${this.name(path)} must be one of ${allowed.join(', ')}, not ${JSON.stringify(value)}`,
      );
    }
    return value;
  }

  private count(value: unknown, path: Path): number {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
      this.fail(path, `${this.name(path)} must be a whole number of 0 or more`);
    }
    return value;
  }

  private flag(value: unknown, path: Path): boolean {
    if (typeof value !== 'boolean') this.fail(path, `${this.name(path)} must be true or false`);
    return value;
  }

  private checkKeys(fields: Record<string, unknown>, path: Path, known: string[]): void {
    for (const key of Object.keys(fields)) {
      if (!known.includes(key))
        this.fail([...path, key], `unknown setting "${key}"${suggest(key, known)}`, true);
    }
  }

  private at(path: Path): unknown {
    let value: unknown = this.document?.value;
    for (const segment of path)
      value = (value as Record<string | number, unknown> | undefined)?.[segment];
    return value;
  }

  private name(path: Path): string {
    const last = path.filter((segment) => typeof segment === 'string').pop();
    return `"${last ?? 'the file'}"`;
  }

  private fail(path: Path, problem: string, atKey = false): never {
    const place = this.document
      ? atKey
        ? this.document.locateKey(path)
        : this.document.locate(path)
      : { line: 1, column: 1 };
    throw new BerthError(
      diagnostic('BERTH-LINT-CONFIG', { problem }, { file: this.file, ...place }),
    );
  }
}

function suggest(word: string, candidates: readonly string[]): string {
  const match = closest(word, candidates);
  return match ? `; did you mean "${match}"` : '';
}

/** The severity a finding of `ruleId` has under the configuration, or undefined when off. */
export function settingOf(
  config: LintConfig,
  ruleId: string,
  fallback: LintSeverity,
): LintSeverity | undefined {
  const setting = config.rules[ruleId];
  if (setting === 'off') return undefined;
  return setting ?? fallback;
}

export function atOrAbove(severity: LintSeverity, level: FailOn): boolean {
  return level !== 'none' && severityOrder[severity] >= severityOrder[level];
}
