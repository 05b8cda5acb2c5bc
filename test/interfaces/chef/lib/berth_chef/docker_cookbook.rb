# frozen_string_literal: true

require_relative 'resource'
require_relative 'resource_type'

module BerthChef
  # The resources of the docker cookbook 11.10 that berth generates, declared from the
  # cookbook's resource files: the same property names, aliases and actions. Accepted values
  # are those the property's `is:` list admits after the cookbook's coercion, that is what a
  # recipe may pass in. Where a coercion or Docker itself needs more (String entries in an
  # Array, say), the stand-in asks for it at once and says why in the property's note.
  module DockerCookbook
    VERSION = '11.10.4'

    BOOL = [true, false].freeze
    STRINGS = ArrayOf.new(String)
    LOG_DRIVERS = %w[json-file syslog journald gelf fluentd awslogs splunk etwlogs gcplogs
                     logentries loki-docker none local].freeze

    def self.prop(name, *types, aliases: [], default: nil, note: nil)
      Property.new(name: name, types: types, aliases: aliases, default: default, note: note)
    end

    # partial/_base: the connection properties every docker resource has.
    CONNECTION = [
      prop(:api_retries, Integer, default: 3),
      prop(:read_timeout, Integer, default: 60),
      prop(:write_timeout, Integer),
      prop(:running_wait_time, Integer, default: 20),
      prop(:tls, true, false, nil),
      prop(:tls_verify, true, false, nil, aliases: [:tlsverify]),
      prop(:tls_ca_cert, String, nil, aliases: [:tlscacert]),
      prop(:tls_server_cert, String, aliases: [:tlscert]),
      prop(:tls_server_key, String, aliases: [:tlskey]),
      prop(:tls_client_cert, String, nil),
      prop(:tls_client_key, String, nil),
    ].freeze

    HOST = prop(:host, String, nil)

    SPLIT_NOTE = 'the cookbook splits each entry as a String'

    def self.registry
      @registry ||= [container, image, network, volume, registry_login, service, tag, exec]
                    .to_h { |type| [type.name, type] }
    end

    def self.resource_type(name, name_property, actions)
      type = ResourceType.new(name, name_property: name_property, actions: actions)
      type.properties_from(CONNECTION)
      yield type
      type
    end
  end
end

require_relative 'docker_container'
require_relative 'docker_others'
