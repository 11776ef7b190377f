"""The handover certificate (सुपुर्दगीनामा) as an A4 PDF, Hindi with English beneath.

An original print has two pages, the family's copy and the station's file copy; a
reprint has one page, marked प्रतिलिपि / DUPLICATE COPY with its print number, across
the page and at the top.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    PageBreak,
    Spacer,
    Table,
    TableStyle,
)

from station_app.documents.blocks import (
    Fact,
    LineFlowable,
    draw_frame,
    draw_watermark,
    fact_table,
    section_heading,
    signature_box,
    signature_row,
    station_lines,
)
from station_app.documents.certificate import Certificate
from station_app.documents.vocabulary import SEX, Bilingual, id_document, masked_id, when_text
from station_app.pdf.images import PhotoFlowable, PreparedPhoto, QrFlowable, qr_matrix
from station_app.pdf.output import DocumentInfo, Margins, build_pdf
from station_app.pdf.styles import ALERT, NAVY, RULE, DocumentStyles, derive, document_styles
from station_app.pdf.tables import table
from station_app.pdf.text import bilingual, escape, para, searchable, span

MARGINS = Margins(left=15 * mm, right=15 * mm, top=14 * mm, bottom=13 * mm)
CONTENT_WIDTH = A4[0] - MARGINS.left - MARGINS.right
PHOTO_WIDTH, PHOTO_HEIGHT = 30 * mm, 38 * mm
PHOTO_PIXELS = 600
QR_SIZE = 36 * mm
# Base type sizes, largest first: the first at which each copy fits on one page is used.
TYPE_SIZES = (9.5, 8.8, 8.1, 7.4)
FAMILY_COPY: Bilingual = ("परिवार की प्रति", "FAMILY'S COPY")
STATION_COPY: Bilingual = ("थाने की प्रति", "STATION FILE COPY")
DUPLICATE: Bilingual = ("प्रतिलिपि", "DUPLICATE COPY")


@dataclass(frozen=True, slots=True)
class PrintRun:
    """Which print this is: the first (originals) or a later one (a numbered duplicate)."""

    copy_number: int
    printed_at: datetime
    printed_by: str

    @property
    def duplicate(self) -> bool:
        return self.copy_number > 1


def handover_pdf(
    certificate: Certificate, qr_text: str, child_photo: bytes, run: PrintRun
) -> bytes:
    """The certificate's pages, one per copy: long entries make the type smaller, never
    a second page (a certificate whose signatures sit on another sheet is no certificate).
    """
    copies = [DUPLICATE] if run.duplicate else [FAMILY_COPY, STATION_COPY]
    qr = qr_matrix(qr_text)
    photo = PreparedPhoto.of(child_photo, PHOTO_PIXELS)
    info = DocumentInfo(
        title=f"सुपुर्दगीनामा / Handover certificate {certificate.number}",
        author=f"{certificate.station.name} ({certificate.station.code})",
        subject=f"Restoration of {certificate.child.name}",
        keywords=("handover", certificate.number),
    )
    for size in TYPE_SIZES:
        pdf, pages = _build(certificate, qr, photo, run, copies, document_styles(size), info)
        if pages == len(copies):
            break
    return pdf


def _build(
    certificate: Certificate,
    qr: list[list[bool]],
    child_photo: PreparedPhoto,
    run: PrintRun,
    copies: list[Bilingual],
    styles: DocumentStyles,
    info: DocumentInfo,
) -> tuple[bytes, int]:
    """The PDF at one type size, and how many pages it came to."""
    pages: list[int] = []

    def decorate(canvas: Canvas, document: BaseDocTemplate) -> None:
        pages.append(document.page)
        draw_frame(canvas, document)
        if run.duplicate:
            draw_watermark(canvas, document, styles, *DUPLICATE)

    story: list[Flowable] = []
    for index, copy in enumerate(copies):
        if index:
            story.append(PageBreak())
        story.extend(_page(styles, certificate, qr, child_photo, copy, run))
    return build_pdf(story, info, margins=MARGINS, decorate=decorate), len(pages)


def _page(
    styles: DocumentStyles,
    certificate: Certificate,
    qr: list[list[bool]],
    child_photo: PreparedPhoto,
    copy: Bilingual,
    run: PrintRun,
) -> list[Flowable]:
    return [
        _header(styles, certificate, qr, copy, run),
        Spacer(1, 2 * mm),
        LineFlowable(NAVY, 1.2),
        Spacer(1, 2.5 * mm),
        *_child_section(styles, certificate, child_photo),
        *_receiver_section(styles, certificate),
        *_handover_section(styles, certificate),
        Spacer(1, 2.5 * mm),
        *_declaration(styles, certificate),
        *_signatures(styles, certificate),
        Spacer(1, 3 * mm),
        *_footer(styles, certificate, run),
    ]


def _header(
    styles: DocumentStyles,
    certificate: Certificate,
    qr: list[list[bool]],
    copy: Bilingual,
    run: PrintRun,
) -> Table:
    side = 40 * mm
    qr_block = [
        QrFlowable(qr, QR_SIZE),
        para("जाँच हेतु स्कैन करें · Scan to verify", derive(styles.tiny, fontSize=6.3)),
    ]
    centre = [
        *station_lines(styles, certificate.station),
        Spacer(1, 1.5 * mm),
        para("सुपुर्दगीनामा", styles.title),
        para("HANDOVER CERTIFICATE", derive(styles.subtitle, fontSize=13)),
        para(
            "गुमशुदा बच्चे की परिवार को सुपुर्दगी · Restoration of a missing child to the family",
            derive(styles.small, alignment="centre"),
        ),
    ]
    right_style = derive(styles.label, alignment="right")
    number_block = [
        _copy_box(styles, copy, run, side - 2 * mm),
        Spacer(1, 4 * mm),
        bilingual(
            "प्रमाण-पत्र क्रमांक",
            "Certificate No.",
            right_style,
            derive(styles.label_en, alignment="right"),
        ),
        para(
            certificate.number,
            derive(styles.body_bold, fontSize=10.5, textColor=NAVY, alignment="right"),
        ),
    ]
    made = table(
        [[qr_block, centre, number_block]],
        col_widths=[side, CONTENT_WIDTH - 2 * side, side],
    )
    made.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("ALIGN", (2, 0), (2, 0), "RIGHT"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return made


def _copy_box(styles: DocumentStyles, copy: Bilingual, run: PrintRun, width: float) -> Table:
    """Which copy this page is, boxed at the top right; red for a duplicate."""
    color = ALERT if run.duplicate else NAVY
    style = derive(styles.body_bold, alignment="centre", textColor=color)
    english = f"{copy[1]} · PRINT {run.copy_number}" if run.duplicate else copy[1]
    box = table(
        [
            [
                searchable(
                    f"{escape(copy[0])}<br/>{span(english, size=7.2)}",
                    style,
                    f"{copy[0]} {english}",
                )
            ]
        ],
        col_widths=[width],
    )
    box.setStyle(
        TableStyle([("BOX", (0, 0), (-1, -1), 1, color), ("TOPPADDING", (0, 0), (-1, -1), 3)])
    )
    box.hAlign = "RIGHT"
    return box


def _beside_photo(facts: Table, photo: Flowable) -> Table:
    layout = table(
        [[facts, photo]], col_widths=[CONTENT_WIDTH - PHOTO_WIDTH - 4 * mm, PHOTO_WIDTH + 4 * mm]
    )
    layout.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("ALIGN", (1, 0), (1, 0), "RIGHT"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return layout


def _both(pair: Bilingual, separator: str = " / ") -> str:
    hindi, english = pair
    return f"{hindi}{separator}{english}" if hindi and hindi != english else english


def _child_section(
    styles: DocumentStyles, certificate: Certificate, child_photo: PreparedPhoto
) -> list[Flowable]:
    child = certificate.child
    sex = SEX[child.sex]
    age = f", {child.age}" if child.age else ""
    complaint = child.complaint_case_number + (
        f" · FIR {child.fir_number}" if child.fir_number else ""
    )
    found = child.found_case_number + (f" · GD {child.gd_number}" if child.gd_number else "")
    facts = [
        Fact("बच्चे का नाम", "Name of the child", child.name),
        Fact("लिंग एवं आयु", "Sex and age", f"{_both(sex)}{age}"),
        Fact("गुमशुदगी प्रकरण", "Missing complaint", complaint),
        Fact("बरामदगी प्रकरण", "Found-child record", found),
    ]
    facts_table = fact_table(styles, facts, CONTENT_WIDTH - PHOTO_WIDTH - 4 * mm)
    return [
        section_heading(styles, "1.", "बच्चे का विवरण", "Particulars of the child"),
        Spacer(1, 1.2 * mm),
        _beside_photo(facts_table, PhotoFlowable(child_photo, PHOTO_WIDTH, PHOTO_HEIGHT)),
        Spacer(1, 2.5 * mm),
    ]


def _receiver_section(styles: DocumentStyles, certificate: Certificate) -> list[Flowable]:
    receiver = certificate.receiver
    document = id_document(receiver.id_type)
    facts = [
        Fact("नाम", "Name", receiver.name),
        Fact("बच्चे से संबंध", "Relation to the child", receiver.relation),
        Fact("पता", "Address", receiver.address),
        Fact("मोबाइल / फ़ोन", "Phone", receiver.phone),
        Fact(
            "पहचान पत्र",
            "Identity document",
            f"{_both(document)}: {masked_id(receiver.id_type, receiver.id_number)}",
        ),
    ]
    facts_table = fact_table(styles, facts, CONTENT_WIDTH - PHOTO_WIDTH - 4 * mm)
    photo: Flowable
    if receiver.photo_jpeg:
        photo = PhotoFlowable(receiver.photo_jpeg, PHOTO_WIDTH, PHOTO_HEIGHT)
    else:
        photo = _photo_placeholder(styles)
    return [
        section_heading(styles, "2.", "बच्चे को प्राप्त करने वाले व्यक्ति", "Person receiving the child"),
        Spacer(1, 1.2 * mm),
        _beside_photo(facts_table, photo),
        Spacer(1, 2.5 * mm),
    ]


def _photo_placeholder(styles: DocumentStyles) -> Table:
    """An empty frame where the receiver's photo is pasted and signed across."""
    box = table(
        [
            [
                bilingual(
                    "फोटो चिपकाएँ",
                    "Affix photo",
                    derive(styles.tiny, alignment="centre"),
                    derive(styles.tiny, alignment="centre"),
                )
            ]
        ],
        col_widths=[PHOTO_WIDTH],
        row_heights=[PHOTO_HEIGHT],
    )
    box.setStyle(
        TableStyle(
            [
                ("BOX", (0, 0), (-1, -1), 0.6, RULE),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ]
        )
    )
    return box


def _handover_section(styles: DocumentStyles, certificate: Certificate) -> list[Flowable]:
    officer = certificate.officer
    officer_text = ", ".join(part for part in (officer.name, officer.rank) if part)
    if officer.number:
        officer_text += f" (No. {officer.number})"
    cwc = "—"
    if certificate.cwc_order_number:
        cwc = certificate.cwc_order_number
        if certificate.cwc_order_date:
            cwc += f", दिनांक / dated {when_text(certificate.cwc_order_date)}"
    facts = [
        Fact("सुपुर्द करने वाले अधिकारी", "Officer handing over", officer_text),
        Fact("दिनांक एवं समय", "Date and time", when_text(certificate.handed_over_at)),
        Fact("स्थान", "Place", certificate.place),
        Fact("बाल कल्याण समिति आदेश", "CWC order", cwc),
    ]
    return [
        section_heading(styles, "3.", "सुपुर्दगी का विवरण", "Particulars of the handover"),
        Spacer(1, 1.2 * mm),
        fact_table(styles, facts, CONTENT_WIDTH, per_row=2, label_width=37 * mm),
    ]


def _declaration(styles: DocumentStyles, certificate: Certificate) -> list[Flowable]:
    receiver, child = certificate.receiver, certificate.child
    when = certificate.handed_over_at
    date_text, time_text = when.strftime("%d-%m-%Y"), when.strftime("%H:%M")
    place = certificate.place or certificate.station.name
    hindi = (
        f"मैं, {receiver.name} ({receiver.relation}), प्रमाणित करता/करती हूँ कि आज दिनांक "
        f"{date_text} को {time_text} बजे {place} पर उपर्युक्त बच्चे {child.name} को मैंने "
        "सकुशल एवं स्वस्थ अवस्था में अपनी सुपुर्दगी में प्राप्त किया है। बच्चे की देखभाल एवं "
        "सुरक्षा की पूरी ज़िम्मेदारी मेरी होगी।"
    )
    english = (
        f"I, {receiver.name} ({receiver.relation}), certify that on {date_text} at {time_text}, "
        f"at {place}, I received the above child, {child.name}, safe and in good health, into "
        "my care, and that I take full responsibility for the child's care and safety."
    )
    english_style = derive(styles.small, textColor=styles.label_en.textColor)
    return [
        para(hindi, styles.body),
        para(english, english_style),
        Spacer(1, 1.5 * mm),
        para(
            "प्रमाणित किया जाता है कि प्राप्तकर्ता की पहचान उपर्युक्त पहचान पत्र से सत्यापित करने के "
            "पश्चात बच्चा उनकी सुपुर्दगी में दिया गया।",
            styles.body,
        ),
        para(
            "Certified that the child was handed over after the receiver's identity was verified "
            "from the identity document above.",
            english_style,
        ),
    ]


def _signatures(styles: DocumentStyles, certificate: Certificate) -> list[Flowable]:
    receiver, officer = certificate.receiver, certificate.officer
    witnesses = [*certificate.witnesses][:2]
    names = [w.name for w in witnesses] + [""] * (2 - len(witnesses))
    officer_name = ", ".join(part for part in (officer.name, officer.rank) if part)
    boxes = [
        signature_box(
            styles,
            "प्राप्तकर्ता के हस्ताक्षर / अंगूठा निशान",
            "Receiver's signature or thumb",
            receiver.name,
        ),
        signature_box(
            styles, "अधिकारी के हस्ताक्षर व मुहर", "Officer's signature and seal", officer_name
        ),
        signature_box(styles, "गवाह 1 के हस्ताक्षर", "Witness 1", names[0]),
        signature_box(styles, "गवाह 2 के हस्ताक्षर", "Witness 2", names[1]),
    ]
    return [signature_row(boxes, CONTENT_WIDTH)]


def _footer(styles: DocumentStyles, certificate: Certificate, run: PrintRun) -> list[Flowable]:
    fingerprint = " ".join(
        certificate.key_fingerprint[i : i + 4]
        for i in range(0, len(certificate.key_fingerprint), 4)
    )
    return [
        LineFlowable(RULE, 0.6),
        Spacer(1, 1.2 * mm),
        para(
            "जाँच: ऊपर बाएँ दिए QR कोड में प्रमाण-पत्र का विवरण थाने के डिजिटल हस्ताक्षर सहित है। "
            "Muskaan Station में ‘दस्तावेज़ जाँचें’ से स्कैन करने पर बदला गया या जाली प्रमाण-पत्र पकड़ा जाता है।",
            styles.tiny,
        ),
        para(
            "To check: the QR code at the top left holds the particulars, signed by the station. "
            "Scan it with Muskaan Station (Verify a document, or station-app verify-document); "
            "an altered or forged certificate fails the check. "
            f"Station key {fingerprint} · issued by {certificate.issued_by} · "
            f"this print {when_text(run.printed_at)}, {run.printed_by}.",
            styles.tiny,
        ),
    ]
