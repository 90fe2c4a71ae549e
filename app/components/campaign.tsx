/** UI pieces for campaigns: the step list, the MP's card, the dashboard chart and the admin's form. */
import { getInputProps, getTextareaProps, type FieldMetadata } from "@conform-to/react";
import type { ReactNode } from "react";
import type { BarChart } from "~/domain/campaign";
import { Field, TextareaField } from "./forms";

export function StepHeading({ number, children }: { number: 1 | 2 | 3; children: ReactNode }) {
  return (
    <h2 className="campaign-step__heading">
      <span className="caption">Step {number} of 3</span> {children}
    </h2>
  );
}

export function Paragraphs({ text }: { text: string }) {
  return (
    <>
      {text
        .split(/\n\s*\n/)
        .map((p) => p.trim())
        .filter(Boolean)
        .map((p, i) => (
          <p key={i}>{p}</p>
        ))}
    </>
  );
}

export function AskList({ asks }: { asks: Array<{ title: string; body: string }> }) {
  return (
    <ol className="campaign-asks">
      {asks.map((ask) => (
        <li key={ask.title}>
          <strong>{ask.title}</strong>
          {ask.body ? <p>{ask.body}</p> : null}
        </li>
      ))}
    </ol>
  );
}

export function MpCard({ mp }: { mp: { name: string; party: string; constituency: string; photoUrl: string | null } }) {
  return (
    <div className="panel-box mp-card">
      {mp.photoUrl ? <img src={mp.photoUrl} alt="" width={80} height={80} className="mp-card__photo" /> : null}
      <p>
        Your MP is <strong>{mp.name}</strong>
        {mp.party ? ` (${mp.party})` : ""}, Member of Parliament for <strong>{mp.constituency}</strong>.
      </p>
    </div>
  );
}

export function ConstituencyChart({ chart }: { chart: BarChart }) {
  return (
    <svg width={chart.width} height={chart.height} viewBox={chart.viewBox} role="img" aria-label={chart.label} className="campaign-chart">
      <title>{chart.label}</title>
      {chart.bars.map((bar) => (
        <g key={bar.title}>
          <title>{bar.title}</title>
          <text x={0} y={bar.labelY} className="campaign-chart__label">
            {bar.label}
          </text>
          <rect x={chart.labelWidth} y={bar.y} width={bar.sentWidth} height={18} className="campaign-chart__sent" />
          <rect x={chart.labelWidth + bar.sentWidth} y={bar.y} width={bar.awaitingWidth} height={18} className="campaign-chart__awaiting" />
        </g>
      ))}
    </svg>
  );
}

type CampaignFieldNames = "title" | "slug" | "summary" | "asks" | "letterGuidance" | "briefing" | "signedFormsTo" | "opensAt" | "closesAt";

export function CampaignFields({ fields, files }: { fields: Record<CampaignFieldNames, FieldMetadata<string>>; files: { commitmentForm: string | null; briefingPdf: string | null; errors: Record<string, string[] | undefined> } }) {
  return (
    <>
      <Field label="Title" errors={fields.title.errors} inputProps={getInputProps(fields.title, { type: "text" })} />
      <Field label="Web address" hint="The page will be at /campaigns/ followed by this, like protect-sponsorship." errors={fields.slug.errors} inputProps={getInputProps(fields.slug, { type: "text" })} />
      <TextareaField label="Summary" errors={fields.summary.errors} textareaProps={{ ...getTextareaProps(fields.summary), rows: 4 }} />
      <TextareaField
        label="The asks"
        hint="One ask per paragraph: its first line is the ask's short title, the lines after it explain it. Leave a blank line between asks."
        errors={fields.asks.errors}
        textareaProps={{ ...getTextareaProps(fields.asks), rows: 10 }}
      />
      <TextareaField label="Guidance for the letter" errors={fields.letterGuidance.errors} textareaProps={{ ...getTextareaProps(fields.letterGuidance), rows: 6 }} />
      <TextareaField label="Briefing for the meeting" hint="Leave a blank line between paragraphs." errors={fields.briefing.errors} textareaProps={{ ...getTextareaProps(fields.briefing), rows: 10 }} />
      <Field label="Where signed forms should be sent" hint="An email or postal address of the campaign staff." errors={fields.signedFormsTo.errors} inputProps={getInputProps(fields.signedFormsTo, { type: "text" })} />
      <Field label="Opens (UK time)" hint="Leave empty to open now." errors={fields.opensAt.errors} inputProps={getInputProps(fields.opensAt, { type: "datetime-local" })} />
      <Field label="Closes (UK time)" hint="Leave empty to stay open." errors={fields.closesAt.errors} inputProps={getInputProps(fields.closesAt, { type: "datetime-local" })} />
      <Field
        label="Commitment form (PDF)"
        hint={files.commitmentForm ? `Now: ${files.commitmentForm}. Choose a file only to replace it.` : "Optional: without one, supporters get a clean form made from the asks."}
        errors={files.errors.commitmentForm}
        inputProps={{ id: "commitmentForm", name: "commitmentForm", type: "file", accept: ".pdf,application/pdf" }}
      />
      <Field
        label="Briefing (PDF, optional)"
        hint={files.briefingPdf ? `Now: ${files.briefingPdf}. Choose a file only to replace it.` : undefined}
        errors={files.errors.briefingPdf}
        inputProps={{ id: "briefingPdf", name: "briefingPdf", type: "file", accept: ".pdf,application/pdf" }}
      />
      {files.briefingPdf ? (
        <div className="field checkbox">
          <input type="checkbox" id="removeBriefingPdf" name="removeBriefingPdf" value="yes" />
          <label htmlFor="removeBriefingPdf">Remove the briefing PDF</label>
        </div>
      ) : null}
    </>
  );
}
