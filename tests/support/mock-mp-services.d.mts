export type MockMember = { id: number; name: string; party: string; constituency: string; constituencyId: number; email: string };
export type MockWorld = { postcodes: Record<string, string>; members: MockMember[]; failing?: string[] };
export const MOCK_WORLD: MockWorld;
export type MockMode = "ok" | "hang" | number;
export function startMockMpServices(world?: MockWorld): Promise<{
  url: string;
  postcodesIoUrl: string;
  membersApiUrl: string;
  requests: string[];
  set(service: "postcodes" | "members", mode: MockMode): void;
  close(): Promise<void>;
}>;
