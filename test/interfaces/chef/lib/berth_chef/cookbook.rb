# frozen_string_literal: true

require_relative 'chef_compat'

module BerthChef
  # A cookbook directory: its name and dependencies from metadata.rb, its recipes and its
  # attribute files. `libraries/`, `resources/` and `templates/` are not read.
  class Cookbook
    attr_reader :name, :dir, :version, :dependencies

    def self.load(dir)
      metadata = Metadata.new
      path = File.join(dir, 'metadata.rb')
      metadata.instance_eval(File.read(path, encoding: 'UTF-8'), path, 1) if File.exist?(path)
      new(File.expand_path(dir), metadata)
    end

    def initialize(dir, metadata)
      @dir = dir
      @name = metadata.cookbook_name || File.basename(dir)
      @version = metadata.cookbook_version
      @dependencies = metadata.dependencies
    end

    def recipe_path(recipe)
      File.join(dir, 'recipes', "#{recipe}.rb")
    end

    # default.rb first, then the others by name: Chef's order within one cookbook.
    def attribute_files
      files = Dir.glob(File.join(dir, 'attributes', '*.rb'))
      default = files.select { |file| File.basename(file) == 'default.rb' }
      default + (files - default).sort
    end
  end

  # The metadata.rb DSL. Every method Chef's metadata accepts is accepted; only name,
  # version and depends are kept. Anything else raises NoMethodError, as in Chef.
  class Metadata
    attr_reader :cookbook_name, :cookbook_version, :dependencies

    IGNORED = %i[maintainer maintainer_email license description long_description chef_version
                 ohai_version supports recommends suggests conflicts provides replaces
                 source_url issues_url privacy gem eager_load_libraries attribute grouping].freeze

    def initialize
      @dependencies = {}
    end

    def name(value)
      @cookbook_name = value.to_s
    end

    def version(value)
      @cookbook_version = value.to_s
    end

    def depends(cookbook, *constraints)
      @dependencies[cookbook.to_s] = constraints.map(&:to_s)
    end

    IGNORED.each do |method_name|
      define_method(method_name) { |*_args, **_options| nil }
    end
  end

  # Whether a version satisfies a cookbook constraint: `~> 11.10`, `>= 16.0`, `= 1.2.3`...
  module VersionConstraint
    def self.satisfied?(version, constraint)
      operator, wanted = constraint.strip.match(/\A(~>|>=|<=|>|<|=)?\s*([\d.]+)\z/)&.captures
      raise ArgumentError, "cannot read the version constraint #{constraint.inspect}" unless wanted

      have = Gem::Version.new(version)
      want = Gem::Version.new(wanted)
      compare(operator || '=', have, want)
    end

    def self.compare(operator, have, want)
      case operator
      when '~>' then have >= want && have < want.bump
      when '>=' then have >= want
      when '<=' then have <= want
      when '>' then have > want
      when '<' then have < want
      else have == want
      end
    end
  end
end
