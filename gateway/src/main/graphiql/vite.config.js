import { resolve } from 'node:path';
import { defineConfig } from 'vite';

// The bundle goes straight into the gateway's classpath (graphiql/ in target/classes), where GraphQLRoutes serves
// it under /graphiql/. Everything GraphiQL needs, Monaco's web workers included, is in that directory: the page
// loads nothing from another origin.
export default defineConfig({
  base: '/graphiql/',
  esbuild: { jsx: 'automatic' },
  build: {
    outDir: process.env.GRAPHIQL_OUT_DIR || resolve(import.meta.dirname, '../../../target/classes/graphiql'),
    emptyOutDir: true,
    // Monaco and GraphiQL make one large chunk by nature; the size is known and served compressed.
    chunkSizeWarningLimit: 6000,
    reportCompressedSize: false,
    sourcemap: false,
    rollupOptions: {
      onwarn(warning, warn) {
        // React's "use client" markers in framer-motion mean nothing in a client-only bundle.
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') {
          warn(warning);
        }
      },
    },
  },
  worker: { format: 'es' },
});
