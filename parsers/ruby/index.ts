export { loadRubyParser, type RubyParser } from './parser.js';
