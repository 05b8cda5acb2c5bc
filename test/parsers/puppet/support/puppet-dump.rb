# Parses Puppet manifests with Puppet's own parser and prints, for each, what
# `puppet parser dump --format json` prints, with one addition: every resource, resource
# default, override and collector carries the line it starts on (the dump has no positions).
#
# Input on stdin: a JSON array of {"name": ..., "text": ...}.
# Output: one JSON object per line: {"name": ..., "ast": ...} when Puppet accepts the text,
# {"name": ..., "error": ...} when it rejects it, {"name": ..., "crash": ...} when Puppet
# fails in another way (an exception that is not a parse error).
#
# Like the dump command (without --validate), it only parses: it reports syntax errors, not
# the checks Puppet's validator makes later.

require 'json'
require 'puppet'
require 'puppet/pops'
require 'puppet/pops/pn'

class LinedTransformer < Puppet::Pops::Model::PNTransformer
  # The transformer builds each of these as a map wrapped in a call; the line goes in the map.
  %w[ResourceExpression ResourceDefaultsExpression ResourceOverrideExpression
     CollectExpression].each do |model_class|
    define_method("transform_#{model_class}") do |expression|
      pn = super(expression)
      pn.elements[0].entries << Puppet::Pops::PN::Literal.new(expression.line).with_name('line')
      pn
    end
  end
end

# Puppet 7's transformer writes `PN::Literal(true)` for a `*$rest` parameter, a method that
# does not exist, so `puppet parser dump --format json` crashes on such manifests. Define it.
module Puppet::Pops::PN
  def self.Literal(value)
    Literal.new(value)
  end
end

parser = Puppet::Pops::Parser::EvaluatingParser.new
transformer = LinedTransformer.new

JSON.parse($stdin.read).each do |item|
  name = item['name']
  begin
    # The same call `puppet parser dump` makes when it does not validate.
    program = parser.parser.parse_string(item['text'], name)
    $stdout.puts JSON.generate({ name: name, ast: transformer.transform(program).to_data })
  rescue Puppet::ParseError => e
    $stdout.puts JSON.generate({ name: name, error: e.message })
  rescue StandardError => e
    $stdout.puts JSON.generate({ name: name, crash: "#{e.class}: #{e.message}" })
  end
end
