// Test setup: @peculiar/x509 needs the Reflect metadata polyfill before it is imported.
import 'reflect-metadata';
