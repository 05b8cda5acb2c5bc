# frozen_string_literal: true

require_relative '../../../../berth_probe/lib/puppet_x/berth_probe/type_recorder'

# Stand-in for the docker_network type of puppetlabs-docker 10.x: the same attributes, with
# the same split between properties and parameters, and a provider that does nothing.
Puppet::Type.newtype(:docker_network) do
  @doc = 'Stand-in for the docker_network type: records its attributes, creates nothing.'

  ensurable

  newparam(:name, namevar: true) do
    desc 'The name of the network.'
  end

  newproperty(:driver) do
    desc 'The network driver.'
  end

  newproperty(:ipam_driver) do
    desc 'The IP address management driver.'
  end

  # The real type declares `subnet` with `array_matching: :all`, which Puppet ignores on a
  # parameter: a String stays a String and an Array stays an Array, as here.
  newparam(:subnet) do
    desc 'Subnets in CIDR form, a String or an Array.'
  end

  newparam(:gateway) do
    desc 'Gateways of the subnets.'
  end

  newparam(:ip_range) do
    desc 'Ranges to allocate addresses from.'
  end

  newparam(:aux_address) do
    desc 'Auxiliary addresses for the driver.'
  end

  newparam(:options) do
    desc 'Driver options.'
  end

  newparam(:additional_flags) do
    desc 'Extra flags for docker network create.'
  end

  newproperty(:id) do
    desc 'The network ID that Docker reports; read-only.'
    validate do |value|
      raise Puppet::ParseError, "#{value} is read-only: Docker reports the id"
    end
  end

  validate do
    PuppetX::BerthProbe::TypeRecorder.record(self)
  end
end
