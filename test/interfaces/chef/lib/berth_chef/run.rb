# frozen_string_literal: true

require_relative 'chef_compat'
require_relative 'cookbook'
require_relative 'docker_cookbook'
require_relative 'node'

module BerthChef
  # The compile phase of one Chef run: attribute files, then the run list's recipes, then what
  # Chef checks before converging (notification targets) and what the docker cookbook checks
  # when its actions run. Nothing converges.
  class Run
    attr_reader :node, :resources, :warnings

    def initialize(cookbook_dirs, data_bags: {}, attributes: {})
      @cookbooks = cookbook_dirs.map { |dir| Cookbook.load(dir) }.to_h { |cb| [cb.name, cb] }
      @data_bags = data_bags || {}
      @node = Node.new(attributes)
      @resources = []
      @included = []
      @warnings = []
    end

    def compile(run_list)
      recipes = run_list.map { |item| parse_recipe(item) }
      @expansion = expand(recipes.map(&:first).uniq)
      @expansion.each { |cookbook| load_attributes(cookbook) }
      recipes.each { |cookbook, recipe| include_recipe("#{cookbook}::#{recipe}") }
      finish
    end

    def include_recipe(spec)
      cookbook_name, recipe = parse_recipe(spec)
      key = "#{cookbook_name}::#{recipe}"
      return false if @included.include?(key)

      path = recipe_file(cookbook_name, recipe)
      @included << key
      source = File.read(path, encoding: 'UTF-8')
      Recipe.new(self, cookbook_name, recipe).instance_eval(source, path, 1)
      true
    end

    def declare(type_name, name, location, &block)
      raise ArgumentError, "#{type_name}: a resource needs a name, got nil" if name.nil?

      type = DockerCookbook.registry.fetch(type_name)
      resource = type.resource_class.new(type, name.is_a?(Array) ? name.join(', ') : name.to_s,
                                         self, location)
      resource.instance_exec(resource, &block) if block
      note_duplicate(resource)
      @resources << resource
      resource
    end

    def data_bag_item(bag, item)
      unless item.to_s.match?(/\A[-[:alnum:]_]+\z/)
        raise Chef::Exceptions::InvalidDataBagItemID,
              "data bag item id #{item.inspect} is not valid"
      end

      data = @data_bags.dig(bag.to_s, item.to_s)
      raise KeyError, "data bag item '#{bag}/#{item}' not found; #{available_items}" unless data

      { 'id' => item.to_s }.merge(data).freeze
    end

    def data_bag(bag)
      items = @data_bags[bag.to_s]
      raise KeyError, "data bag '#{bag}' not found; #{available_items}" unless items

      items.keys.sort
    end

    private

    def parse_recipe(spec)
      cookbook, recipe = spec.to_s.sub(/\Arecipe\[(.*)\]\z/, '\1').split('::', 2)
      [cookbook, recipe || 'default']
    end

    # The run list's cookbooks and everything they depend on, dependencies first.
    def expand(names, seen = [])
      names.each do |name|
        next if seen.include?(name) || name == 'docker'

        cookbook = find_cookbook(name)
        check_docker_dependency(cookbook)
        expand(cookbook.dependencies.keys, seen)
        seen << name
      end
      seen.map { |name| @cookbooks[name] }
    end

    def find_cookbook(name)
      @cookbooks.fetch(name) do
        raise Chef::Exceptions::CookbookNotFound,
              "cookbook #{name} not found; the run has " \
              "#{(@cookbooks.keys + ['docker']).sort.join(', ')}"
      end
    end

    # The stand-in is docker 11.10.4; a cookbook that pins another version would get another.
    def check_docker_dependency(cookbook)
      constraints = cookbook.dependencies.fetch('docker', [])
      constraints.each do |constraint|
        next if VersionConstraint.satisfied?(DockerCookbook::VERSION, constraint)

        raise Chef::Exceptions::CookbookNotFound,
              "#{cookbook.name} depends on docker #{constraint}, which does not admit the " \
              "modelled docker cookbook #{DockerCookbook::VERSION}"
      end
    end

    def load_attributes(cookbook)
      cookbook.attribute_files.each do |path|
        AttributeFile.new(node).instance_eval(File.read(path, encoding: 'UTF-8'), path, 1)
      end
    end

    def recipe_file(cookbook_name, recipe)
      if cookbook_name == 'docker'
        raise Chef::Exceptions::RecipeNotFound,
              "the docker cookbook 11.x has no recipes (docker::#{recipe}); use its resources"
      end
      unless @expansion.map(&:name).include?(cookbook_name)
        raise Chef::Exceptions::CookbookNotFound,
              "cookbook #{cookbook_name} is not in the run list expansion; add `depends " \
              "'#{cookbook_name}'` to the including cookbook's metadata.rb"
      end
      path = @cookbooks.fetch(cookbook_name).recipe_path(recipe)
      return path if File.exist?(path)

      raise Chef::Exceptions::RecipeNotFound,
            "could not find recipe #{recipe} for cookbook #{cookbook_name}"
    end

    def note_duplicate(resource)
      return unless @resources.any? { |other| other.to_s == resource.to_s }

      @warnings << "#{resource} is declared more than once; notifications reach the last one"
    end

    def available_items
      bags = @data_bags.map { |bag, items| "#{bag}: #{items.keys.sort.join(', ')}" }
      bags.empty? ? 'the run has no data bags' : "the run has #{bags.join('; ')}"
    end

    def finish
      each_at_declaration(&:resolve_lazy_values)
      each_at_declaration { |resource| resource.resource_type.checks.each { |c| c.call(resource) } }
      each_at_declaration { |resource| attach_subscriptions(resource) }
      each_at_declaration { |resource| check_notifications(resource) }
    end

    # Errors found after the recipes ran point at the resource's declaration.
    def each_at_declaration
      @resources.each do |resource|
        yield resource
      rescue StandardError => e
        declared = resource.declared_at
        e.set_backtrace(["#{declared.path}:#{declared.lineno}"] + Array(e.backtrace))
        raise e
      end
    end

    def attach_subscriptions(resource)
      resource.subscriptions.each do |subscription|
        source = find_resource(subscription['source']) do
          raise Chef::Exceptions::ResourceNotFound,
                "#{resource} subscribes to #{subscription['source']}, which is declared nowhere " \
                'in the run (Chef would silently never notify it)'
        end
        source.notifications << { 'action' => subscription['action'], 'target' => resource.to_s,
                                  'timing' => subscription['timing'] }
      end
    end

    def check_notifications(resource)
      resource.notifications.each do |notification|
        target = find_resource(notification['target']) do
          raise Chef::Exceptions::ResourceNotFound,
                "resource #{resource} is configured to notify resource #{notification['target']} " \
                "with action #{notification['action']}, but #{notification['target']} cannot be " \
                'found in the resource collection'
        end
        check_notified_action(resource, target, notification['action'])
      end
    end

    def check_notified_action(resource, target, action)
      return if target.allowed_actions.include?(action.to_sym)

      listed = target.allowed_actions.map { |a| ":#{a}" }.join(', ')
      raise Chef::Exceptions::ValidationFailed,
            "#{resource} notifies #{target} with action :#{action}, which " \
            "#{target.resource_type.name} does not have (#{listed})"
    end

    def find_resource(reference, &not_found)
      @resources.reverse.find { |resource| resource.to_s == reference } || not_found.call
    end
  end

  # What `self` is in a recipe: resource declarations and the recipe DSL a generated recipe
  # uses. Other Chef resources (file, template, package...) are not modelled and raise.
  class Recipe
    attr_reader :cookbook_name, :recipe_name

    def initialize(run, cookbook_name, recipe_name)
      @run = run
      @cookbook_name = cookbook_name
      @recipe_name = recipe_name
    end

    DockerCookbook.registry.each_key do |type_name|
      define_method(type_name) do |name = nil, &block|
        @run.declare(type_name, name, caller_locations(1, 1).first, &block)
      end
    end

    def node
      @run.node
    end

    def include_recipe(*specs)
      specs.flatten.each { |spec| @run.include_recipe(spec) }
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

    def platform?(*names)
      names.flatten.map(&:to_s).include?(node['platform'])
    end

    def platform_family?(*names)
      names.flatten.map(&:to_s).include?(node['platform_family'])
    end

    def method_missing(method_name, *_args, &_block)
      raise Chef::Exceptions::NoSuchResourceType.new(
        "#{cookbook_name}::#{recipe_name}: no resource or method named '#{method_name}' " \
        '(the stand-in models the docker cookbook resources and the recipe DSL berth uses)',
        method_name,
      )
    end

    def respond_to_missing?(_method_name, _include_private = false)
      false
    end
  end

  # What `self` is in an attribute file: the precedence levels and the node.
  class AttributeFile
    def initialize(node)
      @node = node
    end

    attr_reader :node

    %i[default normal override].each do |level|
      define_method(level) { @node.public_send(level) }
    end
  end
end
