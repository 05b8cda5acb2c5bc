/**
 * What a stand-in recorded about one resource, as JSON. Both interpreters use this shape, so a
 * test can compare a Chef run and a Puppet compile of the same berth.yaml side by side.
 *
 * - Puppet: `type` is the name as written in a manifest (`docker::run`, `docker_network`, and
 *   `class` for a class, whose `title` is then the class name); `params` holds only the
 *   parameters the caller gave (directly or through Hiera), after Puppet's type checks.
 *   `undef` is `null`; a `Sensitive` value is `{ "sensitive": <value> }`; a `Deferred` is
 *   `{ "deferred": <function>, "arguments": [...] }`; a resource reference is
 *   `{ "ref": "Type[title]" }`; a data type is `{ "type": "String[1]" }`.
 * - Chef: `type` is the resource name (`docker_container`), `title` the name given to it, and
 *   `params` the properties the recipe set, under their property names (aliases resolved),
 *   with the value as the recipe passed it (before the cookbook's own coercions). Chef's common
 *   properties (`sensitive`, `retries`...) are there too. docker_container's `image 'r:t'` is
 *   recorded as the `repo` and `tag` it sets; its `port` as written. A Symbol is
 *   `{ "symbol": "name" }`, a `lazy {}` value `{ "lazy": <computed value> }`, node attribute
 *   values plain JSON (Chef's immutable Hash and Array are Hash and Array).
 */
export interface RecordedResource {
  type: string;
  title: string;
  params: Record<string, unknown>;
  /** Chef only: the action list as the resource will run it. */
  actions?: string[];
  /** Chef only: notifications this resource sends, `subscribes` turned around. */
  notifications?: RecordedNotification[];
  /** Chef only, when set: guard commands, a block guard shown as `(ruby block)`. */
  guards?: { only_if?: string[]; not_if?: string[] };
}

export interface RecordedNotification {
  action: string;
  /** `docker_container[web]` */
  target: string;
  timing: 'delayed' | 'immediate' | 'before';
}

/** The outcome of one compile or evaluation. */
export interface InterpreterResult {
  /** True when the interpreter reported no error. */
  ok: boolean;
  /** The interpreter's error messages, one per entry, as it worded them. */
  errors: string[];
  /** Warnings the interpreter logged; they do not make `ok` false. */
  warnings: string[];
  /** What the stand-ins recorded, in evaluation order (also for a failed run, up to the error). */
  resources: RecordedResource[];
}
