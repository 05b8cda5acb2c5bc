# frozen_string_literal: true

require 'json'

module PuppetX
  module BerthProbe
    # Writes what a stand-in resource received to the JSON-lines file named by BERTH_PROBE_LOG,
    # one line per resource: {"type":..., "title":..., "params":{...}}. Without the variable
    # nothing is written, so the stand-ins also compile outside the test harness.
    module Recorder
      ENV_VAR = 'BERTH_PROBE_LOG'

      def self.record(type, title, params)
        path = ENV[ENV_VAR]
        return if path.nil? || path.empty?

        line = JSON.generate('type' => type, 'title' => title, 'params' => to_json_value(params))
        File.open(path, 'a:UTF-8') { |file| file.write(line, "\n") }
      end

      # Puppet values become JSON; the kinds JSON has no word for are wrapped in a one-key
      # object naming the kind, so a test can tell `Sensitive('x')` from `'x'`.
      def self.to_json_value(value)
        case value
        when nil, :undef then nil
        when String, Integer, Float, true, false then value
        when Symbol then value.to_s
        when Array then value.map { |item| to_json_value(item) }
        when Hash then value.to_h { |key, item| [key.to_s, to_json_value(item)] }
        else wrapped(value)
        end
      end

      def self.wrapped(value)
        case value
        when Puppet::Pops::Types::PSensitiveType::Sensitive
          { 'sensitive' => to_json_value(value.unwrap) }
        when Puppet::Pops::Types::PuppetObject
          deferred_or_object(value)
        when Puppet::Pops::Types::PAnyType then { 'type' => value.to_s }
        when Puppet::Resource then { 'ref' => value.ref }
        when Regexp then { 'regexp' => value.source }
        else { 'unrecognised' => value.to_s, 'class' => value.class.name }
        end
      end

      def self.deferred_or_object(value)
        if value.respond_to?(:name) && value.respond_to?(:arguments)
          { 'deferred' => value.name, 'arguments' => to_json_value(value.arguments) }
        else
          { 'object' => value.to_s, 'class' => value.class.name }
        end
      end
    end
  end
end
