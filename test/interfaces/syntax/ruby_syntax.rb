# frozen_string_literal: true

# `ruby -wc` for many files in one process: each file is compiled (not run) by the same parser
# with warnings on, and every warning or syntax error is reported. `ruby -wc` itself checks
# only its first argument, so checking N files would cost N interpreter starts.
#
# Usage: ruby ruby_syntax.rb FILE... ; prints one JSON line per file: {"file", "messages"}.

require 'json'

# Collects the parser's warnings for the file being compiled.
module CollectWarnings
  @messages = []

  class << self
    attr_accessor :messages
  end

  def warn(message, **)
    CollectWarnings.messages << message.chomp
  end
end
Warning.singleton_class.prepend(CollectWarnings)

$VERBOSE = true

ARGV.each do |path|
  CollectWarnings.messages = []
  begin
    RubyVM::InstructionSequence.compile_file(path)
  rescue SyntaxError => e
    CollectWarnings.messages << e.message.chomp
  end
  $stdout.puts(JSON.generate('file' => path, 'messages' => CollectWarnings.messages))
end
