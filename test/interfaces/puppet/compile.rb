# frozen_string_literal: true

# Compiles many Puppet catalogs in one Ruby process, one per prepared environment, the way
# `puppet apply --noop -e 'include ...'` does: the real compiler, the real type system, Hiera
# (environment and module layers), then the catalog is turned into Ruby resources and applied
# in noop mode. Starting puppet costs seconds (most of it Facter), so the facts are a fixed
# Debian node and the process serves a whole batch.
#
# Usage: ruby compile.rb JOB.json RESULTS.jsonl
#   JOB.json: {"confdir", "vardir", "codedir", "environmentpath",
#              "cases": [{"environment", "classes": [...], "probeLog"}]}
#   RESULTS.jsonl: one {"environment", "ok", "errors", "warnings"} line per case, in order.

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
    ['--noop', '--log_level', 'warning', '--environment_timeout', '0'] + PUPPET8_SETTINGS
end

def build_node(environment)
  facts = Puppet::Node::Facts.new(NODE_NAME, FACTS)
  node = Puppet::Node.new(NODE_NAME, facts: facts, environment: environment)
  node.merge(facts.values)
  node.add_server_facts({})
  node
end

def compile_and_apply(environment)
  node = build_node(environment)
  loaders = Puppet::Pops::Loaders.new(environment)
  Puppet.override(current_environment: environment, loaders: loaders) do
    catalog = Puppet::Parser::Compiler.compile(node).to_ral
    catalog.finalize
    catalog.apply
  end
end

def run_case(spec, collector)
  collector.reset
  ENV['BERTH_PROBE_LOG'] = spec.fetch('probeLog')
  Puppet[:code] = spec.fetch('classes').map { |name| "include #{name}\n" }.join
  environments = Puppet.lookup(:environments)
  begin
    compile_and_apply(environments.get!(spec.fetch('environment')))
  rescue StandardError, ScriptError => e
    # The compiler logs most errors before raising them; keep each message once.
    collector.errors << e.message unless collector.errors.include?(e.message)
  ensure
    environments.clear(spec.fetch('environment'))
  end
  { 'environment' => spec['environment'], 'ok' => collector.errors.empty?,
    'errors' => collector.errors, 'warnings' => collector.warnings }
end

def main(job_path, results_path)
  job = JSON.parse(File.read(job_path))
  Puppet.initialize_settings(settings_arguments(job))
  Puppet::Util::Log.close_all
  collector = LogCollector.new
  Puppet::Util::Log.newdestination(collector)

  Puppet.override(Puppet.base_context(Puppet.settings), 'berth interface proofs') do
    File.open(results_path, 'w:UTF-8') do |results|
      job.fetch('cases').each do |spec|
        results.puts(JSON.generate(run_case(spec, collector)))
        results.flush
      end
    end
  end
end

main(*ARGV)
