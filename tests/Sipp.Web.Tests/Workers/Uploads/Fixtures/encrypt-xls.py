# Writes data_tk_baru-berpassword.xls: SIPP Online's data_tk_baru with one fictional row, saved by LibreOffice as
# Excel 97-2003 with a password to open (RC4 encryption, a FILEPASS record), as Excel itself writes one. NPOI, the
# .xls writer the tests use, cannot encrypt, so this file is made once and kept. To make it again (Debian):
#   apt-get install -y --no-install-recommends libreoffice-calc-nogui python3-uno
#   /usr/bin/python3 encrypt-xls.py
import os, subprocess, sys, tempfile, time

import uno
from com.sun.star.beans import PropertyValue

COLUMNS = ("NO_PEGAWAI;NAMA_LENGKAP;GELAR;TELEPON_AREA_RUMAH;TELEPON_RUMAH;TELEPON_AREA_KANTOR;TELEPON_KANTOR;TELEPON_EXT_KANTOR;HP;EMAIL;"
           "TEMPAT_LAHIR;TANGGAL_LAHIR;NAMA_IBU_KANDUNG;JENIS_IDENTITAS;NOMOR_IDENTITAS;MASA_LAKU_IDENTITAS;JENIS_KELAMIN;SURAT_MENYURAT_KE;"
           "TANGGAL_KEPESERTAAN;STATUS_KAWIN;GOLONGAN_DARAH;NPWP;KODE_NEGARA;UPAH;ALAMAT;KODE_POS;LOKASI_PEKERJAAN;STATUS_PEGAWAI;"
           "TGL_AWAL_BEKERJA;TGL_AKHIR_KONTRAK")
ROW = ("P-1;Siti Contoh;;;;;;;081211112222;;Jakarta;17-08-1985;Sumarni;KTP;'3171015708850002;;P;S;;Y;;;ID;5500000;"
       "Jl. Mawar No. 1, Jakarta Selatan;12730;Jakarta;PKWT;05-01-2026;31-12-2026")


def prop(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


here = os.path.dirname(os.path.abspath(__file__))
work = tempfile.mkdtemp()
source = os.path.join(work, "data_tk_baru.csv")
with open(source, "w", encoding="utf-8") as f:
    f.write(COLUMNS + "\n" + ROW + "\n")

office = subprocess.Popen(["soffice", "--headless", "--invisible", "--norestore", f"-env:UserInstallation=file://{work}/profile",
                           "--accept=socket,host=127.0.0.1,port=2002;urp;"])
context = None
for _ in range(120):
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        context = resolver.resolve("uno:socket,host=127.0.0.1,port=2002;urp;StarOffice.ComponentContext")
        break
    except Exception:
        time.sleep(0.5)
if context is None:
    sys.exit("LibreOffice did not start")

desktop = context.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", context)
document = desktop.loadComponentFromURL(uno.systemPathToFileUrl(source), "_blank", 0,
                                        (prop("Hidden", True), prop("FilterName", "Text - txt - csv (StarCalc)"), prop("FilterOptions", "59,34,76,1")))
document.storeToURL(uno.systemPathToFileUrl(os.path.join(here, "data_tk_baru-berpassword.xls")),
                    (prop("FilterName", "MS Excel 97"), prop("Password", "rahasia")))
document.close(True)
try:
    desktop.terminate()
except Exception:
    pass
office.wait(timeout=60)
