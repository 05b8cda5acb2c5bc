# frozen_string_literal: true

# The few names of Chef itself that recipes and attribute files refer to. Only what a
# generated cookbook may touch is here; everything else is absent on purpose, so that code
# relying on it fails loudly instead of passing against a stand-in that ignores it.
module Chef
  NOT_PASSED = Object.new.freeze

  # Logging from a recipe does nothing here; the proofs look at resources, not at logs.
  module Log
    %i[trace debug info warn error fatal].each do |level|
      define_singleton_method(level) { |*_args| nil }
    end

    def self.level(*_args)
      :warn
    end
  end

  # `lazy { ... }`: a value computed when the resource converges. Like Chef, the stand-in
  # evaluates it in the resource's context, after the whole run list has been compiled.
  class DelayedEvaluator < Proc
  end

  module Exceptions
    class ValidationFailed < ArgumentError; end
    class ResourceNotFound < RuntimeError; end
    class InvalidResourceSpecification < ArgumentError; end
    class InvalidResourceReference < RuntimeError; end
    class RecipeNotFound < ArgumentError; end
    class CookbookNotFound < RuntimeError; end
    class InvalidDataBagItemID < ArgumentError; end
    class NoSuchResourceType < NameError; end
  end
end
