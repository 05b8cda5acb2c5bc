# frozen_string_literal: true

require_relative '../../../puppet_x/berth_probe/recorder'

# Records the class or defined type that calls it: its name, its title and the values of the
# parameters the caller set (explicitly or through Hiera), read from the calling scope, that is
# after Puppet has checked them against the declared data types. Defaults are left out when the
# compile driver marked which parameters were given; otherwise every parameter is recorded.
Puppet::Functions.create_function(:'berth_probe::record', Puppet::Functions::InternalFunction) do
  dispatch :record do
    scope_param
  end

  def record(scope)
    resource = scope.resource
    definition = resource.resource_type
    type = definition.type == :hostclass ? 'class' : definition.name
    title = definition.type == :hostclass ? definition.name : resource.title
    PuppetX::BerthProbe::Recorder.record(type, title, given_values(scope, resource, definition))
    nil
  end

  def given_values(scope, resource, definition)
    names = resource.instance_variable_get(:@berth_given) || definition.arguments.keys
    names.sort.to_h { |name| [name, scope[name]] }
  end
end
