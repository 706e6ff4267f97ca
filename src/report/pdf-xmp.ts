// The PDF's XMP metadata packet: title, language, author, subject and dates in Dublin Core and XMP
// terms, and the PDF/UA-1 identifier that tells a reader or checker the file claims PDF/UA.
import { escapeXml } from "../words/index.js";

export interface XmpFacts {
  title: string;
  lang: string;
  author: string;
  subject: string;
  created: Date;
  producer: string;
  creator: string;
}

/** XMP dates are ISO 8601; whole seconds, to match the document information's D: dates. */
const xmpDate = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, "Z");

export function pdfXmp(f: XmpFacts): string {
  const x = escapeXml;
  const when = xmpDate(f.created);
  const lang = x(f.lang, true);
  return `<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about=""
 xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
 xmlns:xmp="http://ns.adobe.com/xap/1.0/"
 xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">
<dc:format>application/pdf</dc:format>
<dc:title><rdf:Alt><rdf:li xml:lang="x-default">${x(f.title)}</rdf:li><rdf:li xml:lang="${lang}">${x(f.title)}</rdf:li></rdf:Alt></dc:title>
<dc:description><rdf:Alt><rdf:li xml:lang="x-default">${x(f.subject)}</rdf:li></rdf:Alt></dc:description>
<dc:creator><rdf:Seq><rdf:li>${x(f.author)}</rdf:li></rdf:Seq></dc:creator>
<dc:language><rdf:Bag><rdf:li>${lang}</rdf:li></rdf:Bag></dc:language>
<pdf:Producer>${x(f.producer)}</pdf:Producer>
<xmp:CreatorTool>${x(f.creator)}</xmp:CreatorTool>
<xmp:CreateDate>${when}</xmp:CreateDate>
<xmp:ModifyDate>${when}</xmp:ModifyDate>
<xmp:MetadataDate>${when}</xmp:MetadataDate>
<pdfuaid:part>1</pdfuaid:part>
</rdf:Description>
</rdf:RDF>
</x:xmpmeta>
<?xpacket end="r"?>
`;
}
