"""The document service's own small Open Dental writer (it never imports the plugin).

    conn = pms_from_environment()          # None when MEDLANE_PMS_URL and the keys are not set
    doc_num = upload_document(conn, pat_num=..., pdf=..., description=..., doc_category=None,
                              date_created=exported_at)
    add_commlog(conn, pat_num=..., note=..., when=exported_at)
    set_appointment_field(conn, apt_num=..., value="Medical claim exported - ACN ...")

Every failure is a PmsWriteError with a one-line message.
"""
from docservice.opendental.connection import PmsConnection, pms_from_environment
from docservice.opendental.errors import PmsWriteError
from docservice.opendental.writer import add_commlog, set_appointment_field, upload_document

__all__ = [
    "PmsConnection",
    "PmsWriteError",
    "add_commlog",
    "pms_from_environment",
    "set_appointment_field",
    "upload_document",
]
