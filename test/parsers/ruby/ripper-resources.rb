# Lists resource declarations in Chef recipes using Ruby's own parser (Ripper), as an
# independent check of berth's tree-sitter reader. Prints JSON: file => [[type, line, title]],
# where title is the string literal, or nil when the title is computed.
require 'json'
require 'ripper'

NOT_RESOURCES = %w[converge_by lazy only_if not_if proc lambda loop catch define_method describe
                   context it its shared_examples include_examples].freeze

def head(call)
  case call&.first
  when :command then [call[1], call[2]]
  when :method_add_arg
    call[1]&.first == :fcall ? [call[1][1], call[2] && call[2][1]] : nil
  end
end

def arguments(args)
  args = args[1] if args&.first == :args_add_block
  args.is_a?(Array) && !args.first.is_a?(Symbol) ? args : []
end

def title(arg)
  return nil unless arg&.first == :string_literal

  parts = arg[1][1..]
  parts.length == 1 && parts[0].first == :@tstring_content ? parts[0][1] : nil
end

def resource(call, block)
  ident, args = head(call)
  return nil unless ident&.first == :@ident

  name = ident[1]
  first = arguments(args).first
  return nil if first.nil? || %i[symbol_literal dyna_symbol bare_assoc_hash].include?(first.first)
  return nil if NOT_RESOURCES.include?(name) || (!block && !name.start_with?('docker_'))

  [name, ident[2][0], title(first)]
end

# A call given as an argument (InSpec's `describe docker_container('web')`) is a value, not a
# declaration; what is inside it is still searched.
def walk(node, found, argument: false)
  return unless node.is_a?(Array)
  return if %i[class module sclass].include?(node.first)

  if argument && node.first == :method_add_block
    walk(node[1], found, argument: true)
    return walk(node[2], found)
  end
  unless argument
    if node.first == :method_add_block && (hit = resource(node[1], true))
      return found << hit
    end
    if (hit = resource(node, false))
      return found << hit
    end
  end

  if node.first == :args_add_block && node[1].is_a?(Array) && !node[1].first.is_a?(Symbol)
    node[1].each { |arg| walk(arg, found, argument: true) }
    return
  end
  node.each { |child| walk(child, found) }
end

result = ARGV.to_h do |file|
  found = []
  walk(Ripper.sexp(File.read(file)), found)
  [File.basename(file), found]
end
puts JSON.generate(result)
