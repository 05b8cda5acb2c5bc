# frozen_string_literal: true

require_relative 'chef_compat'
require_relative 'types'

module BerthChef
  # A declared resource: the part of Chef::Resource that a recipe can reach. Property methods
  # come from the resource type (see ResourceType#resource_class); everything else a recipe
  # may call on any resource is defined here, and any other name raises NoMethodError naming
  # the resource, as Chef does.
  class Resource
    # Chef::Resource's own properties (Chef 16 to 18), with the values Chef accepts.
    COMMON_PROPERTIES = {
      sensitive: [true, false],
      ignore_failure: [true, false, :quiet, 'quiet'],
      retries: [Integer],
      retry_delay: [Integer],
      compile_time: [true, false],
      umask: [String],
    }.freeze

    TIMINGS = { 'delayed' => 'delayed', 'immediate' => 'immediate',
                'immediately' => 'immediate', 'before' => 'before' }.freeze

    REFERENCE = /\A(?<type>[a-z_][a-z0-9_]*)\[(?<name>.+)\]\z/m

    attr_reader :resource_type, :values, :notifications, :subscriptions, :guards, :declared_at

    def initialize(resource_type, name, run, declared_at)
      @resource_type = resource_type
      @name = name
      @run = run
      @declared_at = declared_at
      @values = {}
      @action = [resource_type.actions.first]
      @notifications = []
      @subscriptions = []
      @guards = { 'only_if' => [], 'not_if' => [] }
    end

    def to_s
      "#{resource_type.name}[#{@name}]"
    end

    alias inspect to_s

    def name(value = Chef::NOT_PASSED)
      return @name if value.equal?(Chef::NOT_PASSED)

      @name = value.is_a?(Array) ? value.join(', ') : value.to_s
    end

    def action(value = Chef::NOT_PASSED)
      return @action if value.equal?(Chef::NOT_PASSED)

      @action = Array(value).map { |item| checked_action(item) }
    end

    alias action= action

    def actions
      @action
    end

    COMMON_PROPERTIES.each do |key, types|
      define_method(key) do |value = Chef::NOT_PASSED|
        access_common(key, types, value)
      end
    end

    def guard_interpreter(value = Chef::NOT_PASSED)
      access_common(:guard_interpreter, [Symbol], value)
    end

    # Read-only in Chef too: it is an attr_reader on Chef::Resource.
    def default_guard_interpreter
      :default
    end

    def notifies(action, target, timing = :delayed)
      references = [target].flatten
      references.each do |reference|
        @notifications << { 'action' => action.to_s, 'target' => reference_text(reference),
                            'timing' => timing_text(timing, action, target) }
      end
      true
    end

    # Chef turns `subscribes` into a notification from each source; the run does the same
    # once every resource is declared.
    def subscribes(action, sources, timing = :delayed)
      [sources].flatten.each do |reference|
        @subscriptions << { 'action' => action.to_s, 'source' => reference_text(reference),
                            'timing' => timing_text(timing, action, sources) }
      end
      true
    end

    def only_if(command = nil, _options = {}, &block)
      add_guard('only_if', command, block)
    end

    def not_if(command = nil, _options = {}, &block)
      add_guard('not_if', command, block)
    end

    def node
      @run.node
    end

    def data_bag_item(bag, item, _secret = nil)
      @run.data_bag_item(bag, item)
    end

    def data_bag(bag)
      @run.data_bag(bag)
    end

    def lazy(&block)
      Chef::DelayedEvaluator.new(&block)
    end

    def resource_name
      resource_type.name
    end

    def allowed_actions
      [:nothing] + resource_type.actions
    end

    # Names that exist in Chef only where a resource type is defined, not on a declared one.
    DEFINITION_ONLY = %i[description introduced examples default_action provides unified_mode
                         property].freeze

    def method_missing(method_name, *_args, &_block)
      reason = if DEFINITION_ONLY.include?(method_name)
                 "in Chef, #{method_name} belongs to a resource definition, " \
                   'not to a declared resource'
               else
                 "#{resource_type.name} of the docker cookbook 11.x has no such property"
               end
      raise NoMethodError.new("#{self}: undefined property or method '#{method_name}' (#{reason})",
                              method_name)
    end

    def respond_to_missing?(_method_name, _include_private = false)
      false
    end

    # Replaces each lazy value by what it computes, checked like a value set directly.
    def resolve_lazy_values
      @values.each do |key, value|
        next unless value.is_a?(Chef::DelayedEvaluator)

        computed = instance_exec(&value)
        prop = resource_type.properties[key]
        check_value(key, prop ? prop.types : COMMON_PROPERTIES.fetch(key, [Symbol]), computed,
                    prop&.note)
        @values[key] = LazyValue.new(computed)
      end
    end

    private

    def access_property(prop, value)
      return read_property(prop) if value.equal?(Chef::NOT_PASSED)

      check_value(prop.name, prop.types, value, prop.note)
      @values[prop.name] = value
    end

    def access_common(key, types, value)
      return @values[key] if value.equal?(Chef::NOT_PASSED)

      check_value(key, types, value)
      @values[key] = value
    end

    def read_property(prop)
      return unwrap(@values[prop.name]) if @values.key?(prop.name)
      return @name if prop.name == resource_type.name_property

      prop.default.respond_to?(:call) ? instance_exec(&prop.default) : prop.default
    end

    def unwrap(value)
      value.is_a?(LazyValue) ? value.value : value
    end

    # Chef leaves nil alone (it resets a property to its default), and validates lazy values
    # only when they are read; everything else must match one of the accepted kinds.
    def check_value(key, types, value, note = nil)
      return if value.nil? || value.is_a?(Chef::DelayedEvaluator)
      return if Types.match?(types, value)

      message = "#{self}: property #{key} must be one of: #{Types.describe(types)}; " \
                "you passed #{Types.describe_value(value)}"
      message += " (#{note})" if note
      raise Chef::Exceptions::ValidationFailed, message
    end

    def checked_action(item)
      unless item.is_a?(Symbol) || item.is_a?(String)
        raise Chef::Exceptions::ValidationFailed,
              "#{self}: action must be a Symbol, got #{item.inspect}"
      end

      action = item.to_sym
      return action if allowed_actions.include?(action)

      listed = allowed_actions.map { |known| ":#{known}" }.join(', ')
      raise Chef::Exceptions::ValidationFailed, "#{self}: action :#{action} is not one of #{listed}"
    end

    def reference_text(reference)
      case reference
      when Resource then reference.to_s
      when Hash then hash_reference(reference)
      when String
        return reference if REFERENCE.match?(reference)

        raise Chef::Exceptions::InvalidResourceSpecification,
              "#{self}: #{reference.inspect} is not a resource reference; write it as " \
              "'resource_type[name]', for example 'docker_container[web]'"
      else
        raise Chef::Exceptions::InvalidResourceSpecification,
              "#{self}: cannot refer to #{reference.inspect} (#{reference.class}) as a resource"
      end
    end

    def hash_reference(reference)
      unless reference.size == 1
        raise Chef::Exceptions::InvalidResourceSpecification,
              "#{self}: a Hash resource reference must have exactly one entry, " \
              "got #{reference.inspect}"
      end

      type, name = reference.first
      "#{type}[#{name}]"
    end

    def timing_text(timing, action, target)
      TIMINGS.fetch(timing.to_s) do
        raise ArgumentError,
              "#{self}: invalid timing #{timing.inspect} for notification :#{action} of " \
              "#{target.inspect}; valid timings are :delayed, :immediate, :immediately, :before"
      end
    end

    def add_guard(kind, command, block)
      if command.is_a?(String)
        @guards[kind] << command
      elsif block
        @guards[kind] << '(ruby block)'
      elsif !command.nil?
        raise ArgumentError,
              "#{self}: #{kind} takes a command String or a block, got #{command.inspect}"
      end
      @guards[kind]
    end
  end

  # A lazy property value after the run resolved it; recorded as {"lazy": value}.
  LazyValue = Struct.new(:value)
end
