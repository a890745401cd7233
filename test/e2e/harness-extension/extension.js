// Test-only extension: in a real VS Code (code-server), runs the mocha suite
// named by FARADAY_E2E_SUITE with mocha from FARADAY_E2E_MOCHA, and writes
// {passed, failed, tests} to FARADAY_E2E_RESULTS. Does nothing without them.
const fs = require('fs');

exports.activate = function activate() {
  const suite = process.env.FARADAY_E2E_SUITE;
  const results = process.env.FARADAY_E2E_RESULTS;
  const mochaPath = process.env.FARADAY_E2E_MOCHA;
  if (!suite || !results || !mochaPath) return;
  if (fs.existsSync(results)) return; // once per run: a window reload must not run the suite again
  const loaded = require(mochaPath);
  const Mocha = loaded.Mocha || loaded.default || loaded;
  const mocha = new Mocha({ ui: 'bdd', timeout: 60000, color: false });
  mocha.addFile(suite);
  const tests = [];
  try {
    const runner = mocha.run((failures) => {
      fs.writeFileSync(results, JSON.stringify({ passed: tests.filter((t) => t.ok).length, failed: failures, tests }, null, 2));
    });
    runner.on('pass', (t) => tests.push({ title: t.fullTitle(), ok: true }));
    runner.on('fail', (t, err) => tests.push({ title: t.fullTitle(), ok: false, error: String(err && err.message) }));
  } catch (e) {
    fs.writeFileSync(results, JSON.stringify({ passed: 0, failed: 1, tests: [{ title: 'load suite', ok: false, error: String(e) }] }));
  }
};

exports.deactivate = function deactivate() {};
