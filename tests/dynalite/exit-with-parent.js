// Loaded with `node --require` in front of dynalite's cli.js by tests/Sharpless.DynamoDB.Tests/Dynalite/DynaliteServer.cs.
// The test process holds this server's stdin open; when that process ends in any way (even killed, so that it
// cannot kill this server itself) the pipe closes and the server exits too. Nothing outlives a test run.
'use strict'
process.stdin.on('end', () => process.exit(0))
process.stdin.on('error', () => process.exit(0))
process.stdin.resume()
