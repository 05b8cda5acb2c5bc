import { describe, expect, it } from 'vitest';
import { parsePuppet } from '../../../parsers/puppet/index.js';
import { requireTool } from '../../support/toolchain.js';
import { firstDifference, fromBerth, fromDump } from './support/normal-form.js';
import { puppetVerdicts } from './support/oracle.js';
import { problems, resources, through } from './support/summary.js';

/*
 * The constructs of the Puppet language one by one, with the exact line and column of every
 * type, title, attribute and value (`@line:column`). Summaries read as
 * `type@at title@at name@at=>value@at ...`; unknown values show their reason and source text.
 */

type Case = [name: string, source: string, expected: string[]];

const declarations: Case[] = [
  [
    'a resource',
    "file { '/etc/a':\n  ensure => file,\n  mode   => '0644',\n}",
    ['file@1:1 "/etc/a"@1:8 ensure@2:3=>file@2:13 mode@3:3=>"0644"@3:13'],
  ],
  [
    'several bodies, an array title and +>',
    "file {\n  'a': ensure => file;\n  ['b', \"c\"]:\n" +
      "    ensure => directory,\n    owner  +> 'root';\n}",
    [
      'file@1:1 "a"@2:3 ensure@2:8=>file@2:18',
      'file@1:1 ["b"@3:4, "c"@3:9]@3:3 ensure@4:5=>directory@4:15 owner@5:5+>"root"@5:15',
    ],
  ],
  [
    'a comma before the first attribute, and alone',
    "file { 'a':, ensure => file }\nfile { 'b': , }",
    ['file@1:1 "a"@1:8 ensure@1:14=>file@1:24', 'file@2:1 "b"@2:8'],
  ],
  [
    'defaults and overrides',
    "File { mode => '0644' }\nFile['/etc/a'] { owner => 'root' }\n" +
      "Service['x', 'y'] { enable => true }",
    [
      'defaults file@1:1 reference(File)@1:1 mode@1:8=>"0644"@1:16',
      'override file@2:1 "/etc/a"@2:6 owner@2:18=>"root"@2:27',
      'override service@3:1 ["x"@3:9, "y"@3:14]@3:9 enable@3:21=>true@3:31',
    ],
  ],
  [
    'virtual and exported resources',
    "@user { 'bob': uid => 1001 }\n@@host { 'web': ip => $facts['ip'] }",
    [
      'virtual user@1:2 "bob"@1:9 uid@1:16=>1001(1001)@1:23',
      'exported host@2:3 "web"@2:10 ip@2:17=>variable($facts[\'ip\'])@2:23',
    ],
  ],
  [
    'collectors, which declare only when they set attributes',
    "User <| title == 'bob' |> { shell => '/bin/zsh' }\nHost <<| tag == 'web' |>>\nUser <| |>",
    ['collector user@1:1 expression(<| title == \'bob\' |>)@1:6 shell@1:29=>"/bin/zsh"@1:38'],
  ],
  [
    'a class declared like a resource, with a splat',
    "class { 'docker':\n  version => '20.10',\n  * => $options,\n}",
    ['class@1:1 "docker"@1:9 version@2:3=>"20.10"@2:14 *@3:3=>variable($options)@3:8'],
  ],
  [
    'a defined type with a qualified name, arrays, hashes and references',
    "docker::run { 'web':\n  image   => 'nginx:1.25',\n  ports   => ['80:80', '443:443'],\n" +
      "  env     => { 'A' => '1', 'B' => 2 },\n" +
      "  require => [Docker::Image['nginx'], Class['docker']],\n}",
    [
      'docker::run@1:1 "web"@1:15 image@2:3=>"nginx:1.25"@2:14 ' +
        'ports@3:3=>["80:80"@3:15, "443:443"@3:24]@3:14 ' +
        'env@4:3=>{"A"@4:16 => "1"@4:23, "B"@4:28 => 2(2)@4:35}@4:14 ' +
        "require@5:3=>[reference(Docker::Image['nginx'])@5:15, " +
        "reference(Class['docker'])@5:39]@5:14",
    ],
  ],
  [
    'a body with only a trailing comma, and a default body',
    "file { 'a': , }\nfile { default: mode => '0600'; 'b': }",
    ['file@1:1 "a"@1:8', 'file@2:1 default@2:8 mode@2:17=>"0600"@2:25', 'file@2:1 "b"@2:33'],
  ],
];

const values: Case[] = [
  [
    'a heredoc with interpolation and the L flag',
    'file { \'x\':\n  content => @("END"/L),\n    Hello ${name}, \\\n    from $fqdn\n    | END\n' +
      "  mode    => '0644',\n}",
    ['file@1:1 "x"@1:8 content@2:3=>heredoc(@("END"/L))@2:14 mode@6:3=>"0644"@6:14'],
  ],
  [
    'a heredoc with a margin and a trimmed last line break',
    "file { 'x': content => @(END) }\n    indented\n      more\n    |- END",
    ['file@1:1 "x"@1:8 content@1:13=>"indented\\n  more"@1:24'],
  ],
  [
    'a heredoc translating only the escapes its flags name',
    "file { 'x': content => @(END/tn) }\na\\tb\\nc \\$ \\q\nEND",
    ['file@1:1 "x"@1:8 content@1:13=>"a\\tb\\nc \\\\$ \\\\q\\n"@1:24'],
  ],
  [
    'two heredocs on one line, and code after their text',
    "file { 'x': a => @(A), b => @(B) }\nfirst\n| A\nsecond\n|-B\nfile { 'y': }",
    ['file@1:1 "x"@1:8 a@1:13=>"first\\n"@1:18 b@1:24=>"second"@1:29', 'file@6:1 "y"@6:8'],
  ],
  [
    'interpolated strings',
    'file { "${base}/conf": content => "x=${x[\'a\'].upcase} $y \\${z}" }',
    [
      'file@1:1 interpolation("${base}/conf")@1:8 ' +
        'content@1:24=>interpolation("x=${x[\'a\'].upcase} $y \\${z}")@1:35',
    ],
  ],
  [
    'the escapes of each kind of string',
    'file { \'x\':\n  a => "tab\\there\\\\ \\"q\\" \\u{1F600}\\u00e9 \\q \\$",\n' +
      "  b => 'it\\'s \\\\ \\n',\n  c => \"a\\\nb\",\n}",
    [
      'file@1:1 "x"@1:8 a@2:3=>"tab\\there\\\\ \\"q\\" 😀é \\\\q $"@2:8 ' +
        'b@3:3=>"it\'s \\\\ \\\\n"@3:8 c@4:3=>"ab"@4:8',
    ],
  ],
  [
    'numbers: hex, octal, float, exponent, negative',
    "file { 'x': a => 0x1F, b => 0777, c => 1.5, d => 2e3, e => -3, f => 42 }",
    [
      'file@1:1 "x"@1:8 a@1:13=>31(0x1F)@1:18 b@1:24=>511(0777)@1:29 c@1:35=>1.5(1.5)@1:40 ' +
        'd@1:45=>2000(2e3)@1:50 e@1:55=>-3(-3)@1:60 f@1:64=>42(42)@1:69',
    ],
  ],
  [
    'undef, default, bare words, booleans, empty collections',
    "file { 'x': a => undef, b => default, c => present, d => foo-bar, e => true, " +
      'f => [], g => {} }',
    [
      'file@1:1 "x"@1:8 a@1:13=>undef@1:18 b@1:25=>default@1:30 c@1:39=>present@1:44 ' +
        'd@1:53=>foo-bar@1:58 e@1:67=>true@1:72 f@1:78=>[]@1:83 g@1:87=>{}@1:92',
    ],
  ],
  [
    'division and regexes',
    "file { 'x': a => $x / 2 / $y, b => /^a\\/b$/, c => $v =~ /x/ }",
    [
      'file@1:1 "x"@1:8 a@1:13=>expression($x / 2 / $y)@1:18 ' +
        'b@1:31=>expression(/^a\\/b$/)@1:36 c@1:46=>expression($v =~ /x/)@1:51',
    ],
  ],
  [
    'a selector',
    "file { 'x': ensure => $facts['os']['family'] ? { 'Debian' => present, default => absent } }",
    [
      "file@1:1 \"x\"@1:8 ensure@1:13=>expression($facts['os']['family'] ? " +
        "{ 'Debian' => present, default => absent })@1:23",
    ],
  ],
  [
    'calls, lambdas and type expressions',
    "file { 'x': a => $list.map |$v| { $v * 2 }, b => join($list, ','), " +
      'c => String[1], d => Optional[Array[String]] }',
    [
      'file@1:1 "x"@1:8 a@1:13=>call($list.map |$v| { $v * 2 })@1:18 ' +
        "b@1:45=>call(join($list, ','))@1:50 c@1:68=>reference(String[1])@1:73 " +
        'd@1:84=>reference(Optional[Array[String]])@1:89',
    ],
  ],
];

const containers: Case[] = [
  [
    'case, if, elsif, else and unless',
    "case $facts['os']['family'] {\n  'Debian', /^Ubuntu/: { package { 'a': } }\n" +
      "  default: { package { 'b': } }\n}\n" +
      "if $a and !$b or $c in ['x'] { file { 'if': } } elsif $d { file { 'elsif': } } " +
      "else { file { 'else': } }\nunless $e { file { 'unless': } }",
    [
      'package@2:26 "a"@2:36',
      'package@3:14 "b"@3:24',
      'file@5:32 "if"@5:39',
      'file@5:60 "elsif"@5:67',
      'file@5:87 "else"@5:94',
      'file@6:13 "unless"@6:20',
    ],
  ],
  [
    'a lambda with typed parameters and a default',
    '$items.each |String $k, Integer[0] $v = 1| {\n  notify { "item ${k}": message => $v }\n}',
    ['notify@2:3 interpolation("item ${k}")@2:12 message@2:25=>variable($v)@2:36'],
  ],
  [
    'relationship chains',
    "Package['docker'] -> Service['docker'] ~> Exec['reload']\n" +
      "Exec['a'] <- Exec['b'] <~ Exec['c']\npackage { 'p': } -> file { 'f': }",
    ['package@3:1 "p"@3:11', 'file@3:21 "f"@3:28'],
  ],
  [
    'a class with typed parameters, inherits, and statement calls',
    'class profile::docker (\n  Optional[String[1]] $version = undef,\n' +
      '  Hash[String, Hash] $containers = {},\n) inherits profile::base {\n' +
      "  include docker\n  require apt\n  notice 'configuring docker'\n" +
      '  contain profile::docker::install\n  $containers.each |$name, $spec| {\n' +
      '    docker::run { $name: * => $spec }\n  }\n}',
    ['docker::run@10:5 variable($name)@10:19 *@10:26=>variable($spec)@10:31'],
  ],
  [
    'defines, nodes, functions and type aliases',
    'define profile::site($port = 80) { nginx::vhost { $title: port => $port } }\n' +
      "node 'web01.example.com', /^db\\d+/, default { class { 'profile::docker': } }\n" +
      'function profile::greet(String $who) >> String { "hello ${who}" }\n' +
      'type Profile::Port = Integer[1, 65535]',
    [
      'nginx::vhost@1:36 variable($title)@1:51 port@1:59=>variable($port)@1:67',
      'class@2:47 "profile::docker"@2:55',
    ],
  ],
  [
    'a call taking a hash, which Puppet does not read as a resource',
    "ensure_packages { ensure => 'latest' }\nfile { 'after': }",
    ['file@2:1 "after"@2:8'],
  ],
];

const allCases = [...declarations, ...values, ...containers];

describe('the Puppet parser finds', () => {
  it.each(allCases)('%s', (_, source, expected) => {
    const result = parsePuppet('case.pp', source);
    expect(problems(result)).toEqual([]);
    expect(resources(result)).toEqual(expected);
  });
});

describe('the Puppet parser keeps positions', () => {
  it('spans a resource from its @ to its closing brace', () => {
    const [resource] = parsePuppet(
      'a.pp',
      "\n  @file { 'x':\n    mode => '0644',\n  }\n",
    ).resources;
    expect(resource && through(resource.span)).toBe('2:3-4:4');
    expect(resource && through(resource.typeSpan)).toBe('2:4-2:8');
    expect(resource?.attributes[0] && through(resource.attributes[0].span)).toBe('3:5-3:19');
  });

  it('keeps comments of both kinds, with their markers', () => {
    const source =
      "# a comment\nfile { 'x': } # trailing\n/* block\n   comment */\n$x = '# not a comment'";
    const comments = parsePuppet('a.pp', source).comments;
    expect(comments.map((c) => [c.text, through(c.span)])).toEqual([
      ['# a comment', '1:1-1:12'],
      ['# trailing', '2:15-2:25'],
      ['/* block\n   comment */', '3:1-4:14'],
    ]);
  });

  it('counts columns in UTF-16 code units, as the rest of berth does', () => {
    const [resource] = parsePuppet('a.pp', "$x = 'é😀'; file { 'x': a => 1 }").resources;
    expect(resource && through(resource.typeSpan)).toBe('1:13-1:17');
  });
});

type ProblemCase = [name: string, source: string, expected: string[]];

const syntaxErrors: ProblemCase[] = [
  [
    'a missing colon after a title',
    "file { 'x' mode => 1 }",
    ["1:12 expected ':' after the resource title, found 'mode'"],
  ],
  [
    'a missing comma between attributes',
    "file { 'x':\n  a => 1\n  b => 2\n}",
    ["3:3 expected ',' between attributes"],
  ],
  ['a missing value', "file { 'x': a => }", ["1:18 expected an expression, found '}'"]],
  [
    'an unclosed body',
    "file { 'x': a => 1",
    ["1:19 expected '}' to close the '{' of line 1, found end of input"],
  ],
  ['a stray closing brace', "file { 'x': }\n}", ["2:1 unbalanced closing bracket, found '}'"]],
  ['an unclosed string', "$x = 'abc", ["1:6 unclosed string: ' without a closing '"]],
  ['an unclosed comment', '/* abc', ['1:1 unclosed comment: `/*` without `*/`']],
  ['a malformed number', '$x = 0x', ['1:6 malformed number "0x"']],
  ['an octal number with 8 or 9', '$x = 089', ['1:6 malformed octal number "089"']],
  [
    'a heredoc without its end tag',
    '$x = @(END)\ntext\n',
    ['1:6 no line ends the heredoc with "END"'],
  ],
  ['an invalid heredoc flag', '$x = @(END/q)\nEND\n', ['1:6 invalid heredoc escape flag "q"']],
  ['a character Puppet has no use for', '$x = `ls`', ["1:6 expected an expression, found '`'"]],
  [
    'a lower-case segment in a reference',
    '$x = Foo::bar',
    ['1:6 a type reference must be capitalised in every segment'],
  ],
  [
    '@ before something else than a resource',
    '@$x',
    ['1:1 virtual (@) applies only to a resource expression'],
  ],
  [
    '+> outside a resource body',
    'foo { a +> 1 }',
    ["1:5 '+>' needs a resource title or a reference before the braces"],
  ],
  [
    'a body after a variable',
    '$x { a => 1 }',
    ['1:1 only a resource type, a reference or a collector may take a body here'],
  ],
  ['a trailing semicolon', "file { 'x': };", ["1:14 a ';' must stand between two statements"]],
  [
    'arguments to a function without parentheses',
    "foo 'a', 'b'",
    ["1:8 the function 'foo' cannot take an argument list without parentheses"],
  ],
  [
    'elsif after unless',
    'unless $x { } elsif $y { }',
    ["1:15 expected an expression, found 'elsif'"],
  ],
  [
    'a \\u escape naming no character',
    '$x = "\\u{110000}"',
    ['1:7 a \\u escape names no character (a surrogate or beyond U+10FFFF)'],
  ],
];

describe('the Puppet parser reports', () => {
  it.each(syntaxErrors)('%s', (_, source, expected) => {
    expect(problems(parsePuppet('bad.pp', source))).toEqual(expected);
  });
});

describe('the Puppet parser recovers', () => {
  it('at the next attribute after a bad value, which is kept as unknown', () => {
    const result = parsePuppet('a.pp', "file { 'x':\n  a => ,\n  b => 2,\n}");
    expect(resources(result)).toEqual([
      'file@1:1 "x"@1:8 a@2:3=>expression(,)@2:8 b@3:3=>2(2)@3:8',
    ]);
  });

  it('after a class, define or function named as Puppet refuses', () => {
    const text =
      "class my-docker { file { 'x': } }\ndefine Site() { }\nfunction ::f() { }\n" +
      'class profile::docker_host inherits Base { }\n';
    const result = parsePuppet('a.pp', text);
    expect(resources(result)).toEqual(['file@1:19 "x"@1:26']);
    expect(problems(result)).toEqual([
      "1:7 'my-docker' is not a name Puppet takes for a class: lowercase words of letters, digits and '_', joined by '::'",
      "2:8 'Site' is not a name Puppet takes for a define: lowercase words of letters, digits and '_', joined by '::'",
      "3:10 '::f' is not a name Puppet takes for a function: lowercase words of letters, digits and '_', joined by '::'",
    ]);
  });

  it('at the next resource after an unclosed body', () => {
    const result = parsePuppet('a.pp', "class a {\n  file { 'x': a => 1\n  file { 'y': }\n}");
    expect(resources(result)).toEqual(['file@2:3 "x"@2:10 a@2:15=>1(1)@2:20', 'file@3:3 "y"@3:10']);
    expect(problems(result)).toEqual(["3:3 expected '}' to close the '{' of line 2, found 'file'"]);
  });

  it('at the next statement after a broken one', () => {
    const result = parsePuppet('a.pp', "$x = [1, 2\nfile { 'y': }\n$z = (1\nfile { 'w': }");
    expect(resources(result)).toEqual(['file@2:1 "y"@2:8', 'file@4:1 "w"@4:8']);
    expect(problems(result)).toEqual([
      "2:1 expected ']', found 'file'",
      "4:1 expected ')', found 'file'",
    ]);
  });

  it('on the line after an unclosed string', () => {
    const result = parsePuppet('a.pp', "file { 'x': }\n$y = \"abc\nfile { 'z': }");
    expect(resources(result)).toEqual(['file@1:1 "x"@1:8', 'file@3:1 "z"@3:8']);
    expect(problems(result)).toEqual(['2:6 unclosed string: " without a closing "']);
  });
});

describe('the Puppet parser, asked for some resource types only', () => {
  const source =
    "file { 'a': mode => '0644' }\nFile { owner => 'root' }\nFile['b'] { group => 'x' }\n" +
    "User <| |> { shell => 'zsh' }\nservice { 'c': enable => true }\n" +
    "Service['d'] { ensure => running }\nfile { 'e': mode => }";
  const onlyServices = (type: string) => type === 'service';

  it('keeps the declarations, defaults, overrides and collectors of those types', () => {
    const all = resources(parsePuppet('a.pp', source));
    const kept = resources(parsePuppet('a.pp', source, { declares: onlyServices }));
    expect(kept).toEqual(all.filter((summary) => /^(override )?service@/.test(summary)));
    expect(kept).toHaveLength(2);
  });

  it('still reports the syntax errors in the others', () => {
    const result = parsePuppet('a.pp', source, { declares: onlyServices });
    expect(problems(result)).toEqual(problems(parsePuppet('a.pp', source)));
    expect(problems(result)).toHaveLength(1);
  });
});

describe('the Puppet parser, asked for no comments', () => {
  it('returns none, and the same resources and problems', () => {
    const source = "# a\nfile { 'a': # b\n  mode => /* c */ '0644' }\n$x = [1\n";
    const whole = parsePuppet('a.pp', source);
    const result = parsePuppet('a.pp', source, { comments: false });
    expect(whole.comments).toHaveLength(3);
    expect(result.comments).toEqual([]);
    expect({ ...result, comments: whole.comments }).toEqual(whole);
  });
});

/*
 * Every table above is also a claim about Puppet; Puppet's own parser must agree with it.
 */
const suite = 'Puppet parser table cases';
describe.runIf(requireTool('ruby', suite) && requireTool('puppet', suite))(
  'Puppet agrees with the tables',
  () => {
    it('on every case berth accepts, Puppet finds the same resources', () => {
      const manifests = allCases.map(([name, text]) => ({ name, text }));
      const verdicts = puppetVerdicts(manifests);
      for (const { name, text } of manifests) {
        const verdict = verdicts.get(name);
        if (!verdict || !('ast' in verdict)) throw new Error(`Puppet rejects "${name}"`);
        const difference = firstDifference(
          fromDump(verdict.ast),
          fromBerth(parsePuppet(name, text).resources),
        );
        expect(difference, `${name}: ${difference}`).toBeUndefined();
      }
    });

    it('on every case berth reports, Puppet rejects the manifest too', () => {
      const manifests = syntaxErrors.map(([name, text]) => ({ name, text }));
      const verdicts = puppetVerdicts(manifests);
      for (const { name } of manifests) {
        const verdict = verdicts.get(name);
        expect(verdict && !('ast' in verdict), `Puppet accepts "${name}"`).toBe(true);
      }
    });
  },
);
