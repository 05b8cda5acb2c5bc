# A stand-in for the InSpec resources the generated test uses. It runs default_test.rb against
# a described node (containers with their `docker ps` ports, images present) and prints one
# line per expectation: PASS or FAIL with what was compared.
#
# Usage: ruby inspec-stub.rb default_test.rb NODE.json
require 'json'

NODE = JSON.parse(File.read(ARGV.fetch(1)))
RESULTS = []

Container = Struct.new(:name, :exists, :running, :ports)
Image = Struct.new(:label, :exists)
Command = Struct.new(:text, :exit_status)

def docker_container(name)
  found = NODE.fetch('containers')[name]
  Container.new(name, !found.nil?, found && found['running'], found && found['ports'])
end

def docker_image(repo:, tag:)
  Image.new("#{repo}:#{tag}", NODE.fetch('images').include?("#{repo}:#{tag}"))
end

def command(text)
  Command.new(text, NODE.fetch('commands').fetch(text, 1))
end

# The body of one `describe`: `it { should ... }` and `its('x') { should ... }`.
class Example
  def initialize(subject)
    @subject = subject
  end

  def it(&block)
    Expectation.new(@subject, @subject, 'it').instance_eval(&block)
  end

  def its(attribute, &block)
    Expectation.new(@subject, @subject.public_send(attribute), attribute).instance_eval(&block)
  end
end

# `should` with the matchers the generated test uses.
class Expectation
  def initialize(subject, value, label)
    @subject = subject
    @value = value
    @label = label
  end

  def exist = [:exist, nil]
  def be_running = [:running, nil]
  def match(pattern) = [:match, pattern]
  def eq(expected) = [:eq, expected]

  def should((kind, expected))
    passed = case kind
             when :exist then @subject.exists
             when :running then @subject.running
             when :match then expected.match?(@value.to_s)
             when :eq then @value == expected
             end
    RESULTS << "#{passed ? 'PASS' : 'FAIL'} #{@subject.to_a.first} #{@label} #{kind} #{expected.inspect}"
  end
end

def describe(subject, &block)
  Example.new(subject).instance_eval(&block)
end

load ARGV.fetch(0)
puts RESULTS
