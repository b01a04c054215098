// Artillery processor of month.yml's "Tutup bulan" scenario: signs the bank's payment notice the way a channel does
// (HMAC-SHA256 of the raw body with the channel's secret, hex in X-Sipp-Signature). The bill, its amount and the secret
// come from sessions.sh through the environment; every virtual user sends the same notice, as a bank retrying would.
const crypto = require('crypto');

function signPaymentNotice(requestParams, context, ee, next) {
  const body = JSON.stringify({
    kodeIuran: process.env.SIPP_KODE_IURAN,
    jumlah: Number(process.env.SIPP_JUMLAH),
    tanggalBayar: process.env.SIPP_TANGGAL_BAYAR,
    referensi: 'BEBAN-' + process.env.SIPP_KODE_IURAN,
  });
  requestParams.body = body;
  requestParams.headers = Object.assign({}, requestParams.headers, {
    'content-type': 'application/json',
    'x-sipp-signature': crypto.createHmac('sha256', process.env.SIPP_BANK_SECRET).update(body).digest('hex'),
  });
  return next();
}

module.exports = { signPaymentNotice };
