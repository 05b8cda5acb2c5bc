# frozen_string_literal: true

require_relative 'types'

module BerthChef
  # One property of a resource: its accepted values, its aliases, and whether it has a
  # default (which only matters to the getter here). `note` says why values outside Chef's
  # own declaration are refused, when the stand-in is stricter than the cookbook's `is:`.
  Property = Struct.new(:name, :types, :aliases, :default, :note, keyword_init: true)

  # The schema of one resource type of the docker cookbook: name property, actions (the
  # first is the default, as in a custom resource without `default_action`), properties and
  # extra methods such as docker_container's `image` and `port`.
  class ResourceType
    attr_reader :name, :name_property, :actions, :properties, :checks

    def initialize(name, name_property:, actions:)
      @name = name
      @name_property = name_property
      @actions = actions
      @properties = {}
      @lookup = {}
      @methods = []
      @checks = []
    end

    def property(name, *types, aliases: [], default: nil, note: nil)
      prop = Property.new(name: name, types: types, aliases: aliases, default: default, note: note)
      ([name] + aliases).each { |key| @lookup[key] = prop }
      @properties[name] = prop
    end

    def properties_from(list)
      list.each do |prop|
        property(prop.name, *prop.types, **prop.to_h.slice(:aliases, :default, :note))
      end
    end

    # Extra instance methods, defined in the generated resource class.
    def methods_block(&block)
      @methods << block
    end

    # A check run once the whole run list is compiled, for the validations the cookbook makes
    # when an action runs (the stand-in never runs actions).
    def check(&block)
      @checks << block
    end

    def find(name)
      @lookup[name]
    end

    def resource_class
      @resource_class ||= build_class
    end

    private

    def build_class
      type = self
      klass = Class.new(Resource)
      @lookup.each_key { |key| define_accessors(klass, key, type.find(key)) }
      @methods.each { |block| klass.class_eval(&block) }
      klass
    end

    def define_accessors(klass, key, prop)
      klass.define_method(key) { |value = Chef::NOT_PASSED| access_property(prop, value) }
      klass.define_method(:"#{key}=") { |value| access_property(prop, value) }
    end
  end
end
