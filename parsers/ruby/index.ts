export { loadRubyParser, type RubyParseOptions, type RubyParser } from './parser.js';
