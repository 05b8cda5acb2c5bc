# A small stand-in for the parts of Chef a generated cookbook touches: it loads
# attributes/default.rb, evaluates metadata.rb and recipes/default.rb, and prints every
# resource with its properties as JSON. Lazy values are resolved the way Chef resolves them,
# inside the resource, after the whole recipe has been read. A property the docker cookbook
# does not have is an error, so the generator cannot invent one.
#
# Usage: ruby chef-stub.rb INPUT.json   (cookbook directory, data bags, override attributes,
# the property names each resource type accepts)
require 'json'

input = JSON.parse(File.read(ARGV.fetch(0)))
COOKBOOK = input.fetch('cookbook')
DATA_BAGS = input.fetch('dataBags')
ACCEPTED = input.fetch('accepted')

# Chef's attribute Hash: missing keys spring into existence on assignment.
class AttributeHash < Hash
  def initialize
    super { |hash, key| hash[key] = AttributeHash.new }
  end
end

def deep_merge(base, extra)
  extra.each do |key, value|
    base[key] = value.is_a?(Hash) && base[key].is_a?(Hash) ? deep_merge(base[key], value) : value
  end
  base
end

def plain(value)
  value.is_a?(Hash) ? value.to_h { |key, item| [key, plain(item)] } : value
end

# Reads attributes/default.rb as Chef does: `default` is the default-level attribute Hash.
class AttributeFile
  attr_reader :default

  def initialize
    @default = AttributeHash.new
  end
end

attributes = AttributeFile.new
attributes.instance_eval(File.read("#{COOKBOOK}/attributes/default.rb"), 'attributes/default.rb')
NODE = deep_merge(plain(attributes.default), input.fetch('overrides')).freeze

# A value Chef computes when the resource converges.
class Lazy
  def initialize(&block)
    @block = block
  end

  def resolve(resource)
    resource.instance_exec(&@block)
  end
end

# One resource: records every property call, checked against the names its type accepts.
class Resource
  attr_reader :type, :name, :properties

  def initialize(type, name)
    @type = type
    @name = name
    @properties = {}
  end

  def node
    NODE
  end

  def lazy(&block)
    Lazy.new(&block)
  end

  def data_bag_item(bag, item)
    DATA_BAGS.fetch(bag).fetch(item)
  end

  def method_missing(property, *args)
    unless ACCEPTED.fetch(@type).include?(property.to_s)
      raise NoMethodError, "#{@type}[#{@name}] has no property #{property}"
    end
    raise ArgumentError, "#{@type}[#{@name}].#{property} set twice" if @properties.key?(property.to_s)

    @properties[property.to_s] = args.length == 1 ? args.first : args
  end

  def respond_to_missing?(property, include_private = false)
    ACCEPTED.fetch(@type).include?(property.to_s) || super
  end

  def to_h
    resolved = @properties.transform_values { |value| value.is_a?(Lazy) ? value.resolve(self) : value }
    { 'type' => @type, 'name' => @name, 'properties' => resolved }
  end
end

# The recipe DSL: one method per docker cookbook resource, plus `node`.
class Recipe
  attr_reader :resources

  def initialize
    @resources = []
  end

  def node
    NODE
  end

  ACCEPTED.each_key do |type|
    define_method(type) do |name, &block|
      resource = Resource.new(type, name)
      resource.instance_eval(&block) if block
      @resources << resource
    end
  end
end

# metadata.rb: every call is recorded in order.
class Metadata
  attr_reader :calls

  def initialize
    @calls = []
  end

  %w(name maintainer maintainer_email license description version chef_version supports
     depends source_url issues_url).each do |field|
    define_method(field) { |*args| @calls << [field, *args] }
  end
end

metadata = Metadata.new
metadata.instance_eval(File.read("#{COOKBOOK}/metadata.rb"), 'metadata.rb')
recipe = Recipe.new
recipe.instance_eval(File.read("#{COOKBOOK}/recipes/default.rb"), 'recipes/default.rb')

puts JSON.generate(
  'metadata' => metadata.calls,
  'node' => NODE,
  'resources' => recipe.resources.map(&:to_h)
)
