import { Body, Container, Head, Hr, Html, Preview, Text } from "@react-email/components";
import type { ReactNode } from "react";
import type { Language } from "~/domain/language";
import { emailText } from "./i18n";

/** The frame every awards email shares: plain, readable, and fine as text; in the reader's language. */
export function EmailLayout({ preview, children, language = "en" }: { preview: string; children: ReactNode; language?: Language }) {
  const e = emailText(language);
  return (
    <Html lang={e.lang}>
      <Head />
      <Preview>{preview}</Preview>
      <Body style={{ backgroundColor: "#ffffff", fontFamily: "Arial, Helvetica, sans-serif", color: "#0b0c0c" }}>
        <Container style={{ maxWidth: "560px", padding: "16px" }}>
          <Text style={{ fontSize: "16px", fontWeight: "bold", color: "#1d3557" }}>{e.t("layout.brand")}</Text>
          {children}
          <Hr />
          <Text style={{ fontSize: "13px", color: "#505a5f" }}>{e.t("layout.footer")}</Text>
        </Container>
      </Body>
    </Html>
  );
}

export const paragraph = { fontSize: "16px", lineHeight: "24px" } as const;
