import { createApp } from 'vue'
import { createPinia } from 'pinia'
import App from './App.vue'
import { createAppRouter } from './router'
import { reportError } from './composables/use-app-error'
import './styles/base.css'
import './styles/reader.css'
import './styles/print.css'
import './styles/local.css'

const app = createApp(App)
// Never a blank page: any uncaught error becomes a visible message (see App.vue).
app.config.errorHandler = (error) => reportError(error)
window.addEventListener('error', (event) => reportError(event.error ?? event.message))
window.addEventListener('unhandledrejection', (event) => reportError(event.reason))
app.use(createPinia())
const router = createAppRouter()
// A failed lazy chunk or a throwing guard would otherwise leave the old page with no explanation.
router.onError((error) => reportError(error))
app.use(router)
app.mount('#app')
