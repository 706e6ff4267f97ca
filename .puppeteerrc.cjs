// darep never downloads a browser: it drives the Chrome, Chromium or Edge the machine already has.
module.exports = { skipDownload: true };
