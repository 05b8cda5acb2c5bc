# frozen_string_literal: true

module BerthChef
  # An Array whose every entry must match one of `entry`. The docker cookbook declares most
  # list properties as a bare `Array`, then processes the entries one by one (splitting
  # Strings, reading Hashes); an entry of another kind fails there, or is rejected by Docker.
  class ArrayOf
    attr_reader :entry

    def initialize(*entry)
      @entry = entry
    end

    def ===(other)
      other.is_a?(Array) && other.all? { |item| Types.match?(entry, item) }
    end

    def to_s
      "Array of #{Types.describe(entry)}"
    end
  end

  # Accepted values written the way Chef's `is:` lists are: classes, literal values (true,
  # false, Strings, Symbols) and regular expressions, each compared with `===`.
  module Types
    def self.match?(specs, value)
      specs.any? { |spec| spec === value } # rubocop:disable Style/CaseEquality
    end

    def self.describe(specs)
      specs.map { |spec| spec.is_a?(Module) || spec.is_a?(ArrayOf) ? spec.to_s : spec.inspect }
           .join(', ')
    end

    def self.describe_value(value)
      shown = value.inspect
      shown = "#{shown[0, 77]}..." if shown.length > 80
      "#{shown} (#{value.class})"
    end
  end
end
