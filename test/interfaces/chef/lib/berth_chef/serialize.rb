# frozen_string_literal: true

require_relative 'resource'

module BerthChef
  # Turns a run into the JSON the TypeScript harness reads (see test/interfaces/recorded.ts).
  module Serialize
    def self.result(run, errors)
      {
        'ok' => errors.empty?,
        'errors' => errors,
        'warnings' => run ? run.warnings : [],
        'resources' => run ? run.resources.map { |resource| resource_json(resource) } : [],
        'node' => run ? value(run.node.merged) : {},
      }
    end

    def self.resource_json(resource)
      json = {
        'type' => resource.resource_type.name.to_s,
        'title' => resource.name,
        'actions' => resource.actions.map(&:to_s),
        'params' => resource.values.map { |key, item| [key.to_s, value(item)] }.sort.to_h,
        'notifications' => resource.notifications,
      }
      guards = resource.guards.reject { |_kind, list| list.empty? }
      json['guards'] = guards unless guards.empty?
      json
    end

    # Ruby values as JSON; kinds JSON lacks are wrapped in a one-key object naming the kind.
    def self.value(item)
      case item
      when nil, String, Integer, true, false then item
      when Float then item.finite? ? item : { 'float' => item.to_s }
      when Symbol then { 'symbol' => item.to_s }
      when Array then item.map { |entry| value(entry) }
      when Hash then item.to_h { |key, entry| [key.to_s, value(entry)] }
      when LazyValue then { 'lazy' => value(item.value) }
      when Chef::DelayedEvaluator then { 'lazy' => nil }
      else { 'object' => item.inspect, 'class' => item.class.name }
      end
    end

    # The message, prefixed with the innermost line of a cookbook file it came from.
    def self.error(exception, cookbook_dirs)
      roots = cookbook_dirs.map { |dir| File.join(File.expand_path(dir), '') }
      frame = Array(exception.backtrace).find { |line| roots.any? { |r| line.start_with?(r) } }
      location = frame && frame[/\A[^:]+:\d+/]
      # Ruby 3.1's error_highlight appends the raising line of the stand-in itself to a
      # NameError's message; the original message is the one the recipe author would read.
      text = exception.message
      text = exception.original_message if exception.respond_to?(:original_message)
      message = "#{text} (#{exception.class})"
      location ? "#{location}: #{message}" : message
    end
  end
end
