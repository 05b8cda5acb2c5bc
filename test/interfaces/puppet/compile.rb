# frozen_string_literal: true

# Compiles many Puppet catalogs in one Ruby process, one per prepared environment, the way
# `puppet apply --noop -e 'include ...'` does up to the point where it would touch the node:
# the real compiler, the real type system, Hiera (environment and module layers), then the
# catalog becomes Ruby resources (where Ruby types validate their attributes) and its
# relationship graph is checked for cycles. Nothing is applied: even in noop mode an apply runs
# providers' queries and execs' `unless` commands on this machine. Starting `puppet apply`
# costs seconds (most of it Facter), so the facts are a fixed Debian node and one process
# serves a whole batch.
#
# Cases may share an environment (modules with distinct names): the environment, its parsed
# manifests and loaded functions are then reused, which makes a compile several times cheaper.
# Each case still gets its own node, catalog and compile; its classes come in as the node's
# classes (as from an ENC), and a `berth_case` fact selects its own environment-level Hiera
# file.
#
# Usage: ruby compile.rb JOB.json RESULTS.jsonl
#   JOB.json: {"confdir", "vardir", "codedir", "environmentpath",
#              "cases": [{"environment", "case", "classes": [...], "probeLog"}]}
#   RESULTS.jsonl: one {"case", "ok", "errors", "warnings"} line per case, in order.

require 'json'
require 'puppet'

# Puppet 8 defaults, so that the 7.x found on Debian judges code as the target version will.
PUPPET8_SETTINGS = ['--strict_variables', '--strict', 'error'].freeze

NODE_NAME = 'berth-proof.example.test'

# The node the catalogs are compiled for: just enough facts for code that asks about the OS.
FACTS = {
  'os' => {
    'family' => 'Debian', 'name' => 'Debian', 'architecture' => 'amd64',
    'release' => { 'full' => '12.5', 'major' => '12', 'minor' => '5' },
    'distro' => { 'codename' => 'bookworm' }
  },
  'kernel' => 'Linux',
  'kernelrelease' => '6.1.0-18-amd64',
  'networking' => { 'hostname' => 'berth-proof', 'fqdn' => NODE_NAME, 'domain' => 'example.test' },
  'path' => '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
  'processors' => { 'count' => 2 },
  'memory' => { 'system' => { 'total_bytes' => 4_294_967_296 } }
}.freeze

# Collects what Puppet logs during one case; errors decide the outcome, warnings are reported.
class LogCollector
  attr_reader :errors, :warnings

  ERROR_LEVELS = %i[err alert emerg crit].freeze

  def initialize
    reset
  end

  def reset
    @errors = []
    @warnings = []
  end

  def handle(message)
    text = message.to_s
    if ERROR_LEVELS.include?(message.level)
      @errors << text
    elsif message.level == :warning
      @warnings << text
    end
  end
end

Puppet::Util::Log.newdesttype :berth_collector do
  match 'LogCollector'

  def initialize(collector)
    @collector = collector
  end

  def handle(message)
    @collector.handle(message)
  end
end

# Marks, on each class or defined-type resource, which parameters its caller gave (directly or
# through Hiera) before Puppet fills in the defaults, so that berth_probe::record can leave the
# defaults out.
module MarkGivenParameters
  private

  def assign_defaults(resource, param_scope, scope)
    if resource.is_a?(Puppet::Parser::Resource)
      given = resource.parameters.reject { |_name, param| param.value.nil? }.keys.map(&:to_s)
      resource.instance_variable_set(:@berth_given, given & arguments.keys)
    end
    super
  end
end
Puppet::Resource::Type.prepend(MarkGivenParameters)

def settings_arguments(job)
  %w[confdir vardir codedir environmentpath].flat_map { |key| ["--#{key}", job.fetch(key)] } +
    ['--noop', '--log_level', 'warning', '--environment_timeout', 'unlimited'] + PUPPET8_SETTINGS
end

def build_node(environment, spec)
  facts = Puppet::Node::Facts.new(NODE_NAME, FACTS.merge('berth_case' => spec.fetch('case')))
  node = Puppet::Node.new(NODE_NAME, facts: facts, environment: environment,
                                     classes: spec.fetch('classes'))
  node.merge(facts.values)
  node.add_server_facts({})
  node
end

def compile_and_check(environment, spec)
  node = build_node(environment, spec)
  loaders = Puppet::Pops::Loaders.new(environment)
  Puppet.override(current_environment: environment, loaders: loaders) do
    catalog = Puppet::Parser::Compiler.compile(node).to_ral
    catalog.finalize
    # Logs an error for each dependency cycle, as an apply would before doing anything.
    catalog.relationship_graph.report_cycles_in_graph
  end
end

def run_case(spec, collector)
  collector.reset
  ENV['BERTH_PROBE_LOG'] = spec.fetch('probeLog')
  begin
    compile_and_check(Puppet.lookup(:environments).get!(spec.fetch('environment')), spec)
  rescue StandardError, ScriptError => e
    # The compiler logs most errors before raising them; keep each message once.
    collector.errors << e.message unless collector.errors.include?(e.message)
  end
  { 'case' => spec['case'], 'ok' => collector.errors.empty?,
    'errors' => collector.errors, 'warnings' => collector.warnings }
end

# Cases come grouped by environment; one that is done with is dropped to free its memory.
def run_cases(cases, collector)
  environments = Puppet.lookup(:environments)
  cases.each_with_index do |spec, index|
    yield run_case(spec, collector)
    following = cases[index + 1]
    next if following && following['environment'] == spec['environment']

    environments.clear(spec['environment'])
  end
end

def main(job_path, results_path)
  job = JSON.parse(File.read(job_path))
  Puppet.initialize_settings(settings_arguments(job))
  Puppet::Util::Log.close_all
  collector = LogCollector.new
  Puppet::Util::Log.newdestination(collector)

  Puppet.override(Puppet.base_context(Puppet.settings), 'berth interface proofs') do
    File.open(results_path, 'w:UTF-8') do |results|
      run_cases(job.fetch('cases'), collector) do |result|
        results.puts(JSON.generate(result))
        results.flush
      end
    end
  end
end

main(*ARGV)
