// bpmn-moddle ships no type declarations; the tests use it untyped.
declare module 'bpmn-moddle';
