# frozen_string_literal: true

# Evaluates many Chef cookbooks against the docker cookbook stand-in in one Ruby process, each
# case with its own node, data bags and resource collection.
#
# Usage: ruby evaluate.rb JOB.json RESULTS.jsonl
#   JOB.json: {"cases": [{"cookbooks": [dirs], "runList": ["cb::recipe"],
#                         "dataBags": {bag: {item: {...}}}, "attributes": {...}}]}
#   RESULTS.jsonl: one {"ok", "errors", "warnings", "resources", "node"} line per case.

require 'json'
require_relative 'lib/berth_chef/run'
require_relative 'lib/berth_chef/serialize'

def evaluate(spec)
  run = nil
  errors = []
  begin
    run = BerthChef::Run.new(spec.fetch('cookbooks'), data_bags: spec['dataBags'],
                                                      attributes: spec['attributes'])
    run.compile(spec.fetch('runList'))
  rescue StandardError, ScriptError => e
    errors << BerthChef::Serialize.error(e, spec.fetch('cookbooks'))
  end
  BerthChef::Serialize.result(run, errors)
end

def main(job_path, results_path)
  job = JSON.parse(File.read(job_path, encoding: 'UTF-8'))
  File.open(results_path, 'w:UTF-8') do |results|
    job.fetch('cases').each { |spec| results.puts(JSON.generate(evaluate(spec))) }
  end
end

main(*ARGV)
