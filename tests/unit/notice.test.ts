import { describe, expect, test } from "vitest";
import { noticeInAddress, noticeMessage, withNotice } from "~/components/notice";

const message = (address: string) => noticeMessage(new URL(address, "http://x").searchParams);

describe("notices after a redirect", () => {
  test("the address carries a known key, and at most a number, before any fragment", () => {
    expect(withNotice("/admin/cycles/2026", "cycle-saved")).toBe("/admin/cycles/2026?notice=cycle-saved");
    expect(withNotice("/admin/judging?year=2026", "reminded", { count: 3 })).toBe("/admin/judging?year=2026&notice=reminded&count=3");
    expect(withNotice("/judge/results/4/panel#record-12", "record-saved", { id: 12 })).toBe("/judge/results/4/panel?notice=record-saved&id=12#record-12");
  });

  test("a counted message is told by its count", () => {
    expect(message("/?notice=reminded&count=0")).toBe("No reminder was sent: nobody had anything left to do.");
    expect(message("/?notice=reminded&count=1")).toBe("Reminder sent to 1 judge.");
    expect(message("/?notice=reminded&count=4")).toBe("Reminder sent to 4 judges.");
    expect(message("/?notice=conflicts-detected&count=1")).toBe("Detection ran: 1 new suspicion.");
    expect(message("/?notice=conflicts-detected&count=0")).toBe("Detection ran: 0 new suspicions.");
    expect(message("/?notice=conflicts-confirmed&count=1")).toBe("The conflict is confirmed.");
    expect(message("/?notice=conflicts-dismissed&count=2")).toBe("2 conflicts are dismissed.");
    expect(message("/?notice=cycle-saved")).toBe("The cycle's settings have been saved.");
  });

  test("nothing typed is echoed: an unknown key, or a count that is not a whole number, says nothing", () => {
    expect(message("/?notice=<b>hi</b>")).toBeNull();
    expect(message("/?notice=constructor")).toBeNull();
    expect(message("/?notice=reminded&count=lots")).toBeNull();
    expect(message("/?notice=reminded")).toBeNull();
    expect(noticeInAddress(new URLSearchParams("notice=record-saved&id=1e3"))).toEqual({ key: "record-saved", count: null, id: null });
  });
});
