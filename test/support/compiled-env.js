// Set by jest.compiled.config.js: tests that spawn Delegate run the compiled build.
process.env.DELEGATE_TEST_APP = 'compiled';
