# frozen_string_literal: true

require_relative 'recorder'

module PuppetX
  module BerthProbe
    # Records a resource of a Ruby type once Puppet has built it, that is after every
    # attribute's own validation. Only the attributes the manifest set are recorded, without
    # metaparameters; a property reads back as Puppet hands it to the provider (`should`).
    module TypeRecorder
      def self.record(resource)
        Recorder.record(resource.class.name.to_s, resource.title, given_values(resource))
      end

      def self.given_values(resource)
        names = resource.original_parameters.keys.reject { |name| metaparameter?(resource, name) }
        names.sort.to_h { |name| [name.to_s, resource[name]] }
      end

      def self.metaparameter?(resource, name)
        resource.class.metaparam?(name) || name == :provider
      end
    end
  end
end
