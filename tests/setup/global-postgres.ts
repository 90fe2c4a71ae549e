/**
 * Builds one migrated template database on the PostgreSQL at TEST_DATABASE_URL; each
 * test file then gets a fresh copy (CREATE DATABASE … TEMPLATE) and drops it afterwards.
 * Only databases this run created are ever dropped.
 */
import postgres from "postgres";
import type { TestProject } from "vitest/node";
import { openDatabase } from "#db/client";
import { adminUrl, databaseUrl } from "../support/postgres";

export default async function setup(project: TestProject) {
  const template = `csa_test_tpl_${process.pid}_${Date.now().toString(36)}`;
  const admin = postgres(adminUrl(), { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`create database "${template}"`);
    const handle = openDatabase({ url: databaseUrl(template), poolSize: 1 });
    await handle.migrate();
    await handle.close();
  } catch (error) {
    await admin.unsafe(`drop database if exists "${template}" with (force)`).catch(() => {});
    await admin.end();
    throw error;
  }
  project.provide("postgresTemplate", template);
  return async () => {
    await admin.unsafe(`drop database if exists "${template}" with (force)`);
    await admin.end();
  };
}
