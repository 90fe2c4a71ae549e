import { Body, Container, Head, Hr, Html, Preview, Text } from "@react-email/components";
import type { ReactNode } from "react";

/** The frame every awards email shares: plain, readable, and fine as text. */
export function EmailLayout({ preview, children }: { preview: string; children: ReactNode }) {
  return (
    <Html lang="en-GB">
      <Head />
      <Preview>{preview}</Preview>
      <Body style={{ backgroundColor: "#ffffff", fontFamily: "Arial, Helvetica, sans-serif", color: "#0b0c0c" }}>
        <Container style={{ maxWidth: "560px", padding: "16px" }}>
          <Text style={{ fontSize: "16px", fontWeight: "bold", color: "#1d3557" }}>Community Sponsorship Awards</Text>
          {children}
          <Hr />
          <Text style={{ fontSize: "13px", color: "#505a5f" }}>
            You are receiving this because of the Community Sponsorship Awards (UK). If this was not you, you can ignore
            this email.
          </Text>
        </Container>
      </Body>
    </Html>
  );
}

export const paragraph = { fontSize: "16px", lineHeight: "24px" } as const;
