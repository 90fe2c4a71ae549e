/**
 * The privacy notice, in English and Welsh. It is not edited in the admin: its words are
 * part of the release, reviewed with the code, so they live here in both languages and the
 * privacy pages (/privacy and /cy/privacy) render the one for their language. The Welsh is
 * a draft until a Welsh speaker has checked it (app/locales/cy-review.json, "content:privacy").
 * The English follows app/routes/privacy.tsx and its "Nominees under 18" section
 * (app/components/publication-consent.tsx); a change to one is a change to both.
 */
import type { Language } from "~/domain/language";

/** A section: its paragraphs, then its list, then any paragraphs after the list. */
export type PrivacySection = { heading: string; paragraphs?: string[]; items?: string[]; after?: string[] };

export type PrivacyNotice = {
  title: string;
  lead: string;
  sections: PrivacySection[];
  back: string;
};

export const PRIVACY_NOTICE: Record<Language, PrivacyNotice> = {
  en: {
    title: "Privacy notice",
    lead: "How the Community Sponsorship Awards use the information you give us when you nominate.",
    sections: [
      {
        heading: "What we collect",
        items: [
          "about the nominee: their name, organisation, local authority area, and email address if you give it",
          "for a nominee under 18: their parent or guardian’s name, contact details and agreement",
          "about you: your name, email address, phone number if you give it, organisation and how you know the nominee",
          "your answers and any files you add",
        ],
      },
      {
        heading: "Why we use it",
        paragraphs: [
          "To run the awards: to check nominations, for the judges to score them, to contact you and the nominee about the result, and to celebrate the winners. Our lawful basis under UK GDPR is legitimate interests, and for a nominee under 18, the consent of their parent or guardian.",
        ],
      },
      {
        heading: "Who sees it",
        paragraphs: [
          "The awards team and the judges for the category. Judges declare any conflict of interest and do not see nominations they are conflicted on. We publish only the names of shortlisted nominees and winners, with a short citation. We never sell your information.",
        ],
      },
      {
        heading: "Nominees under 18",
        paragraphs: [
          "A nominee under 18 needs two separate agreements from their parent or guardian: one to the nomination itself, and one to how they may be named in public if they are shortlisted or win. We record the choice and when it was made. The choices are:",
        ],
        items: [
          "full name: their name, group or organisation and local authority area are shown, as for any nominee;",
          "first name only: only their first name and local authority area are shown;",
          "not named: they are shown only as “A young champion” from their local authority area.",
        ],
        after: [
          "Unless the full name was agreed, we never publish their surname or their group or organisation (a school, place of worship or sponsorship group), and we take them out of the judges’ citation. This applies to the results pages, the archive, what we share online and emails to anyone other than their nominator and their parent or guardian. If no choice was recorded, they are not named. Their parent or guardian is told how they are named when the results are published, and can change the choice at any time by contacting us.",
        ],
      },
      {
        heading: "How long we keep it",
        paragraphs: [
          "Drafts you never submit, and submissions you never confirm, are removed after the awards cycle ends. We remove the personal details in unsuccessful nominations a set time after the awards ceremony. Winners are remembered in our public archive.",
        ],
      },
      {
        heading: "Your rights",
        paragraphs: [
          "You can ask for a copy of the information we hold about you, ask us to correct it, or ask us to delete it. You can also complain to the Information Commissioner’s Office (ico.org.uk).",
        ],
      },
      {
        heading: "Your language",
        paragraphs: [
          "You can use this service in English or Welsh. We write to you in the language you chose for your emails, and you can change it on the page where you check your answers.",
        ],
      },
    ],
    back: "Back to nominations",
  },
  cy: {
    title: "Hysbysiad preifatrwydd",
    lead: "Sut mae’r Gwobrau Nawdd Cymunedol yn defnyddio’r wybodaeth rydych yn ei rhoi i ni pan fyddwch yn enwebu.",
    sections: [
      {
        heading: "Beth rydym yn ei gasglu",
        items: [
          "am yr enwebai: ei enw, ei sefydliad, ardal ei awdurdod lleol, a’i gyfeiriad e-bost os byddwch yn ei roi",
          "ar gyfer enwebai o dan 18 oed: enw, manylion cyswllt a chytundeb ei riant neu ei warcheidwad",
          "amdanoch chi: eich enw, eich cyfeiriad e-bost, eich rhif ffôn os byddwch yn ei roi, eich sefydliad a sut rydych yn adnabod yr enwebai",
          "eich atebion ac unrhyw ffeiliau rydych yn eu hychwanegu",
        ],
      },
      {
        heading: "Pam rydym yn ei defnyddio",
        paragraphs: [
          "I gynnal y gwobrau: i wirio enwebiadau, i’r beirniaid eu sgorio, i gysylltu â chi a’r enwebai am y canlyniad, ac i ddathlu’r enillwyr. Ein sail gyfreithlon o dan GDPR y DU yw buddiannau dilys, ac ar gyfer enwebai o dan 18 oed, caniatâd ei riant neu ei warcheidwad.",
        ],
      },
      {
        heading: "Pwy sy’n ei gweld",
        paragraphs: [
          "Tîm y gwobrau a beirniaid y categori. Mae’r beirniaid yn datgan unrhyw wrthdaro buddiannau ac nid ydynt yn gweld enwebiadau y mae ganddynt wrthdaro yn eu cylch. Dim ond enwau’r enwebeion ar y rhestr fer a’r enillwyr rydym yn eu cyhoeddi, gyda dyfyniad byr. Nid ydym byth yn gwerthu eich gwybodaeth.",
        ],
      },
      {
        heading: "Enwebeion o dan 18 oed",
        paragraphs: [
          "Mae angen dau gytundeb ar wahân gan riant neu warcheidwad enwebai o dan 18 oed: un i’r enwebiad ei hun, ac un i sut y gellir ei enwi’n gyhoeddus os bydd ar y rhestr fer neu’n ennill. Rydym yn cofnodi’r dewis a phryd y’i gwnaed. Dyma’r dewisiadau:",
        ],
        items: [
          "enw llawn: dangosir ei enw, ei grŵp neu ei sefydliad ac ardal ei awdurdod lleol, fel ar gyfer unrhyw enwebai;",
          "enw cyntaf yn unig: dim ond ei enw cyntaf ac ardal ei awdurdod lleol a ddangosir;",
          "heb ei enwi: fe’i dangosir dim ond fel “Hyrwyddwr ifanc” o ardal ei awdurdod lleol.",
        ],
        after: [
          "Oni chytunwyd ar yr enw llawn, nid ydym byth yn cyhoeddi ei gyfenw na’i grŵp na’i sefydliad (ysgol, addoldy neu grŵp nawdd), ac rydym yn eu tynnu allan o ddyfyniad y beirniaid. Mae hyn yn berthnasol i’r tudalennau canlyniadau, yr archif, yr hyn rydym yn ei rannu ar-lein ac e-byst at unrhyw un heblaw ei enwebydd a’i riant neu ei warcheidwad. Os na chofnodwyd dewis, ni chaiff ei enwi. Dywedir wrth ei riant neu ei warcheidwad sut y caiff ei enwi pan gyhoeddir y canlyniadau, a gallant newid y dewis unrhyw bryd drwy gysylltu â ni.",
        ],
      },
      {
        heading: "Am ba hyd rydym yn ei chadw",
        paragraphs: [
          "Mae drafftiau nad ydych byth yn eu cyflwyno, a chyflwyniadau nad ydych byth yn eu cadarnhau, yn cael eu dileu ar ôl i gylch y gwobrau ddod i ben. Rydym yn dileu’r manylion personol mewn enwebiadau aflwyddiannus gyfnod penodol ar ôl seremoni’r gwobrau. Mae’r enillwyr yn cael eu cofio yn ein harchif gyhoeddus.",
        ],
      },
      {
        heading: "Eich hawliau",
        paragraphs: [
          "Gallwch ofyn am gopi o’r wybodaeth sydd gennym amdanoch, gofyn i ni ei chywiro, neu ofyn i ni ei dileu. Gallwch hefyd gwyno i Swyddfa’r Comisiynydd Gwybodaeth (ico.org.uk).",
        ],
      },
      {
        heading: "Eich iaith",
        paragraphs: [
          "Gallwch ddefnyddio’r gwasanaeth hwn yn Gymraeg neu yn Saesneg. Rydym yn ysgrifennu atoch yn yr iaith a ddewisoch ar gyfer eich e-byst, a gallwch ei newid ar y dudalen lle rydych yn gwirio eich atebion.",
        ],
      },
    ],
    back: "Yn ôl i’r enwebiadau",
  },
};
