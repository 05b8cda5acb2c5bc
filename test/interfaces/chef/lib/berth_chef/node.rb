# frozen_string_literal: true

module BerthChef
  # A Hash that creates the nested Hashes it is asked for, like Chef's VividMash, so that
  # `default['a']['b']['c'] = 1` works in an attribute file. Keys are Strings: Chef turns
  # Symbol keys into Strings too.
  class VividHash < Hash
    def [](key)
      key = key.to_s if key.is_a?(Symbol)
      key?(key) ? super : (self[key] = VividHash.new)
    end

    def []=(key, value)
      super(key.is_a?(Symbol) ? key.to_s : key, vivid(value))
    end

    private

    def vivid(value)
      return value unless value.is_a?(Hash) && !value.is_a?(VividHash)

      value.each_with_object(VividHash.new) { |(key, item), copy| copy[key] = item }
    end
  end

  # The node of one run: attributes at four precedence levels, merged when read, and
  # run_state. Reading gives frozen plain Hashes and Arrays, where Chef gives its immutable
  # subclasses of them: the same answers to is_a?, [] and dig, and no writes.
  class Node
    LEVELS = %i[default normal override automatic].freeze

    NAME = 'berth-proof.example.test'

    # What Ohai would report, reduced to what recipes usually ask about.
    AUTOMATIC = {
      'platform' => 'debian', 'platform_family' => 'debian', 'platform_version' => '12.5',
      'os' => 'linux', 'hostname' => 'berth-proof', 'fqdn' => NAME, 'domain' => 'example.test',
      'kernel' => { 'name' => 'Linux', 'release' => '6.1.0-18-amd64', 'machine' => 'x86_64' },
      'cpu' => { 'total' => 2 }, 'init_package' => 'systemd'
    }.freeze

    attr_reader :run_state

    def initialize(override_attributes)
      @levels = LEVELS.to_h { |level| [level, VividHash.new] }
      merge_into(@levels[:automatic], AUTOMATIC)
      merge_into(@levels[:override], override_attributes)
      @run_state = {}
    end

    LEVELS.each do |level|
      define_method(level) { @levels[level] }
    end

    def name
      NAME
    end

    def chef_environment
      '_default'
    end

    def [](key)
      merged[key.to_s]
    end

    def dig(*keys)
      merged.dig(*keys.map { |key| key.is_a?(Symbol) ? key.to_s : key })
    end

    def key?(key)
      merged.key?(key.to_s)
    end

    alias attribute? key?

    def read(*keys)
      dig(*keys)
    rescue TypeError
      nil
    end

    def exist?(*keys)
      !read(*keys).nil?
    end

    def to_hash
      merged
    end

    # Higher levels win; Hashes merge key by key, anything else (Arrays too) is replaced.
    def merged
      merged = LEVELS.reduce({}) { |result, level| deep_merge(result, @levels[level]) }
      freeze_deep(merged)
    end

    private

    def merge_into(target, data)
      (data || {}).each { |key, value| target[key] = value }
    end

    def deep_merge(lower, higher)
      higher.each_with_object(lower.dup) do |(key, value), result|
        both_hashes = value.is_a?(Hash) && result[key].is_a?(Hash)
        result[key] = both_hashes ? deep_merge(result[key], value) : value
      end
    end

    def freeze_deep(value)
      case value
      when Hash then value.to_h { |key, item| [key, freeze_deep(item)] }.freeze
      when Array then value.map { |item| freeze_deep(item) }.freeze
      when String then value.dup.freeze
      else value
      end
    end
  end
end
