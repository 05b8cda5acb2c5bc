# frozen_string_literal: true

require_relative '../../../../berth_probe/lib/puppet_x/berth_probe/type_recorder'

# Stand-in for the docker_volume type of puppetlabs-docker 10.x: the same attributes and a
# provider that does nothing.
Puppet::Type.newtype(:docker_volume) do
  @doc = 'Stand-in for the docker_volume type: records its attributes, creates nothing.'

  ensurable

  newparam(:name, namevar: true) do
    desc 'The name of the volume.'
  end

  newproperty(:driver) do
    desc 'The volume driver.'
  end

  newparam(:options) do
    desc 'Driver options, a String or an Array of key=value.'
  end

  newproperty(:mountpoint) do
    desc 'Where Docker mounts the volume; read-only.'
    validate do |value|
      raise Puppet::ParseError, "#{value} is read-only: Docker reports the mountpoint"
    end
  end

  validate do
    PuppetX::BerthProbe::TypeRecorder.record(self)
  end
end
