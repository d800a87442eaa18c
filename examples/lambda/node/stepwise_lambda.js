// Stepwise's command-function protocol for Node.js: run a Lambda-style handler as a warm worker.
//
// Stepwise writes one JSON request per line to the worker's stdin ({"id", "event", "context"}) and
// reads one JSON response per line from its stdout ({"id", "result"} or {"id", "error"}); see
// docs/integrations.md, "Lambda". Run a handler as Lambda names it (file.export):
//
//   functions:
//     greet: {command: node, args: [stepwise_lambda.js, greet.handler]}
//
// or require this file and call serve(handler). The handler is async (event, context) or takes a
// callback (event, context, callback). console output goes to stderr: stdout is the protocol's.
'use strict';
const path = require('path');
const readline = require('readline');

const protocol = process.stdout.write.bind(process.stdout);
for (const m of ['log', 'info', 'warn', 'error', 'debug']) {
  console[m] = (...args) => process.stderr.write(args.map(String).join(' ') + '\n');
}

function context(c, id) {
  return {
    functionName: c.functionName, functionVersion: c.functionVersion, invokedFunctionArn: c.invokedFunctionArn,
    memoryLimitInMB: String(c.memoryLimitInMB), awsRequestId: c.awsRequestId || id, logGroupName: c.logGroupName,
    logStreamName: c.logStreamName, clientContext: c.clientContext || undefined, identity: c.identity || undefined,
    getRemainingTimeInMillis: () => Math.max(0, (c.deadlineMs || 0) - Date.now()),
  };
}

function errorOf(e) {
  // as Lambda's Node.js runtime reports an error
  if (!(e instanceof Error)) return { errorType: 'string', errorMessage: String(e), trace: [] };
  return { errorType: e.name, errorMessage: e.message, trace: String(e.stack || '').split('\n') };
}

function call(handler, event, ctx) {
  if (handler.length >= 3) {
    return new Promise((resolve, reject) => handler(event, ctx, (err, res) => (err ? reject(err) : resolve(res))));
  }
  return Promise.resolve().then(() => handler(event, ctx));
}

function serve(handler) {
  let chain = Promise.resolve(); // one invocation at a time, in order
  const rl = readline.createInterface({ input: process.stdin, terminal: false });
  protocol(JSON.stringify({ ready: true }) + '\n'); // the handler is loaded: initialisation is over
  rl.on('line', (line) => {
    if (!line.trim()) return;
    chain = chain.then(async () => {
      let req;
      try { req = JSON.parse(line); } catch (e) { console.error('stepwise_lambda: not a request: ' + line.slice(0, 200)); return; }
      let answer;
      try {
        const result = await call(handler, req.event, context(req.context || {}, req.id));
        answer = { id: req.id, result: result === undefined ? null : result };
      } catch (e) {
        answer = { id: req.id, error: errorOf(e) };
      }
      protocol(JSON.stringify(answer) + '\n');
    });
  });
  rl.on('close', () => chain.then(() => process.exit(0)));
}

function load(spec) {
  const dot = spec.lastIndexOf('.');
  if (dot <= 0) throw new Error('a handler is file.export, not ' + spec);
  const mod = require(path.resolve(spec.slice(0, dot)));
  const fn = mod[spec.slice(dot + 1)];
  if (typeof fn !== 'function') throw new Error(spec + ' is not a function');
  return fn;
}

module.exports = { serve, load };

if (require.main === module) {
  if (process.argv.length !== 3) {
    console.error('usage: node stepwise_lambda.js file.export');
    process.exit(2);
  }
  serve(load(process.argv[2]));
}
