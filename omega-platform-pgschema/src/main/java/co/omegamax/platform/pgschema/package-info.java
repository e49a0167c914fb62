/**
 * The PostgreSQL schema shared by the PostgreSQL and Supabase adapters: one set of versioned migrations (tables,
 * Row Level Security policies, the RPC functions PostgREST calls) and the tools that test a connection, check the
 * schema version, apply the migrations or print them for review. Meant for the adapters and setup tools.
 */
package co.omegamax.platform.pgschema;
