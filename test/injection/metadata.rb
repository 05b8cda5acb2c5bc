# frozen_string_literal: true

# Reads the metadata of many generated cookbooks and modules in one Ruby process: metadata.rb
# evaluated as Ruby, the way Chef evaluates it, with every call recorded with its arguments,
# and metadata.json parsed as JSON, the way Puppet reads it.
#
# Usage: ruby metadata.rb JOB.json RESULTS.jsonl
#   JOB.json: {"cases": [{"cookbook": dir, "module": dir}]}
#   RESULTS.jsonl: one {"chef": [[method, args...], ...], "puppet": {...}} line per case, with
#   "errors" instead of either part that could not be read.

require 'json'

# Receives the calls of metadata.rb. A BasicObject has no methods of its own (no `system`, no
# `puts`), so any call a value sneaked into the file is recorded instead of run.
class MetadataRecorder < BasicObject
  def initialize(calls)
    @calls = calls
  end

  def method_missing(name, *args)
    @calls << [name.to_s, *args]
    nil
  end

  def respond_to_missing?(_name, _include_private = false)
    true
  end
end

def chef_metadata(dir)
  path = File.join(dir, 'metadata.rb')
  calls = []
  MetadataRecorder.new(calls).instance_eval(File.read(path, encoding: 'UTF-8'), path, 1)
  calls
end

def puppet_metadata(dir)
  JSON.parse(File.read(File.join(dir, 'metadata.json'), encoding: 'UTF-8'))
end

def read_case(spec)
  result = { 'errors' => [] }
  { 'chef' => -> { chef_metadata(spec.fetch('cookbook')) },
    'puppet' => -> { puppet_metadata(spec.fetch('module')) } }.each do |part, read|
    result[part] = read.call
  rescue StandardError, ScriptError => e
    result['errors'] << "#{part}: #{e.class}: #{e.message}"
  end
  result
end

def main(job_path, results_path)
  job = JSON.parse(File.read(job_path, encoding: 'UTF-8'))
  File.open(results_path, 'w:UTF-8') do |results|
    job.fetch('cases').each { |spec| results.puts(JSON.generate(read_case(spec))) }
  end
end

main(*ARGV)
