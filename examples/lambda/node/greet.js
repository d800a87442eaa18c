// A Lambda-style Node.js handler, run by Stepwise as a local command (see ../stepwise.yaml).
let calls = 0;

exports.handler = async (event, context) => {
  calls += 1;
  if (!event.name) throw new TypeError('no name to greet');
  return { greeting: 'Hi, ' + event.name, calls, requestId: context.awsRequestId };
};
